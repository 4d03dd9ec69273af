package com.flowstate.history;

import java.time.LocalDate;

/**
 * Filters of the Reports tab, one per seed column plus a date range. Text filters match "contains", ignoring case;
 * {@code document} matches the sent document's file name; {@code status} true = sent, false = failed, null = any
 * (scheduled and retrying rows included).
 */
public record ReportHistoryFilter(
        Long opportunityId,
        String opportunity,
        String template,
        String recipient,
        String smtpCredential,
        String fromAddress,
        String document,
        Boolean status,
        LocalDate from,
        LocalDate to) {

    public static ReportHistoryFilter empty() {
        return new ReportHistoryFilter(null, null, null, null, null, null, null, null, null, null);
    }

    public ReportHistoryFilter withOpportunityId(Long value) {
        return new ReportHistoryFilter(value, opportunity, template, recipient, smtpCredential, fromAddress, document,
                status, from, to);
    }

    public ReportHistoryFilter withOpportunity(String value) {
        return new ReportHistoryFilter(opportunityId, value, template, recipient, smtpCredential, fromAddress,
                document, status, from, to);
    }

    public ReportHistoryFilter withTemplate(String value) {
        return new ReportHistoryFilter(opportunityId, opportunity, value, recipient, smtpCredential, fromAddress,
                document, status, from, to);
    }

    public ReportHistoryFilter withRecipient(String value) {
        return new ReportHistoryFilter(opportunityId, opportunity, template, value, smtpCredential, fromAddress,
                document, status, from, to);
    }

    public ReportHistoryFilter withSmtpCredential(String value) {
        return new ReportHistoryFilter(opportunityId, opportunity, template, recipient, value, fromAddress, document,
                status, from, to);
    }

    public ReportHistoryFilter withFromAddress(String value) {
        return new ReportHistoryFilter(opportunityId, opportunity, template, recipient, smtpCredential, value,
                document, status, from, to);
    }

    public ReportHistoryFilter withDocument(String value) {
        return new ReportHistoryFilter(opportunityId, opportunity, template, recipient, smtpCredential, fromAddress,
                value, status, from, to);
    }

    public ReportHistoryFilter withStatus(Boolean value) {
        return new ReportHistoryFilter(opportunityId, opportunity, template, recipient, smtpCredential, fromAddress,
                document, value, from, to);
    }

    public ReportHistoryFilter withFrom(LocalDate value) {
        return new ReportHistoryFilter(opportunityId, opportunity, template, recipient, smtpCredential, fromAddress,
                document, status, value, to);
    }

    public ReportHistoryFilter withTo(LocalDate value) {
        return new ReportHistoryFilter(opportunityId, opportunity, template, recipient, smtpCredential, fromAddress,
                document, status, from, value);
    }
}
