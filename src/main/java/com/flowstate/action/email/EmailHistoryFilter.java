package com.flowstate.action.email;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import com.flowstate.history.ActionFilter;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * Filters of the E-mail tab, one per seed column plus a date range; null = any. Text filters match "contains",
 * ignoring case; {@code status} true = sent, false = failed (scheduled and retrying rows are neither).
 */
public record EmailHistoryFilter(
        Long opportunityId,
        @Parameter(description = "opportunity name contains") String opportunity,
        @Parameter(description = "template name contains") String template,
        @Parameter(description = "recipient e-mail contains") String recipient,
        @Parameter(description = "SMTP credentials name contains") String smtpCredential,
        @Parameter(description = "true = sent, false = failed") Boolean status,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) implements ActionFilter {

    public static EmailHistoryFilter empty() {
        return new EmailHistoryFilter(null, null, null, null, null, null, null, null);
    }

    public static EmailHistoryFilter ofOpportunity(long opportunityId) {
        return new EmailHistoryFilter(opportunityId, null, null, null, null, null, null, null);
    }
}
