package com.flowstate.action.report;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import com.flowstate.history.ActionFilter;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * Filters of the Reports tab, one per seed column plus a date range; null = any. Text filters match "contains",
 * ignoring case; {@code document} matches the sent document's file name; {@code status} true = sent, false = failed
 * (scheduled and retrying rows are neither).
 */
public record ReportHistoryFilter(
        Long opportunityId,
        @Parameter(description = "opportunity name contains") String opportunity,
        @Parameter(description = "report template name contains") String template,
        @Parameter(description = "recipient e-mail contains") String recipient,
        @Parameter(description = "SMTP credentials name contains") String smtpCredential,
        @Parameter(description = "sender (from) address contains") String fromAddress,
        @Parameter(description = "sent document's file name contains") String document,
        @Parameter(description = "true = sent, false = failed") Boolean status,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) implements ActionFilter {

    /** Every row of one opportunity. */
    public static ReportHistoryFilter ofOpportunity(long opportunityId) {
        return new ReportHistoryFilter(opportunityId, null, null, null, null, null, null, null, null, null);
    }
}
