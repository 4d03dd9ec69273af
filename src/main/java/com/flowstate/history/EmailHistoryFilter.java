package com.flowstate.history;

import java.time.LocalDate;

/**
 * Filters of the E-mail tab, one per seed column plus a date range. Text filters match "contains", ignoring case;
 * {@code status} true = sent, false = failed, null = any (scheduled and retrying rows included).
 */
public record EmailHistoryFilter(
        Long opportunityId,
        String opportunity,
        String template,
        String recipient,
        String smtpCredential,
        Boolean status,
        LocalDate from,
        LocalDate to) {

    public static EmailHistoryFilter empty() {
        return new EmailHistoryFilter(null, null, null, null, null, null, null, null);
    }

    public EmailHistoryFilter withOpportunityId(Long value) {
        return new EmailHistoryFilter(value, opportunity, template, recipient, smtpCredential, status, from, to);
    }

    public EmailHistoryFilter withOpportunity(String value) {
        return new EmailHistoryFilter(opportunityId, value, template, recipient, smtpCredential, status, from, to);
    }

    public EmailHistoryFilter withTemplate(String value) {
        return new EmailHistoryFilter(opportunityId, opportunity, value, recipient, smtpCredential, status, from, to);
    }

    public EmailHistoryFilter withRecipient(String value) {
        return new EmailHistoryFilter(opportunityId, opportunity, template, value, smtpCredential, status, from, to);
    }

    public EmailHistoryFilter withSmtpCredential(String value) {
        return new EmailHistoryFilter(opportunityId, opportunity, template, recipient, value, status, from, to);
    }

    public EmailHistoryFilter withStatus(Boolean value) {
        return new EmailHistoryFilter(opportunityId, opportunity, template, recipient, smtpCredential, value, from, to);
    }

    public EmailHistoryFilter withFrom(LocalDate value) {
        return new EmailHistoryFilter(opportunityId, opportunity, template, recipient, smtpCredential, status, value, to);
    }

    public EmailHistoryFilter withTo(LocalDate value) {
        return new EmailHistoryFilter(opportunityId, opportunity, template, recipient, smtpCredential, status, from, value);
    }
}
