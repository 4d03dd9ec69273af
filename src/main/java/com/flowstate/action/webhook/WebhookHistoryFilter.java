package com.flowstate.action.webhook;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import com.flowstate.history.ActionFilter;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * Filters of the Webhook tab: opportunity and URL match "contains", ignoring case; {@code responseCode} is the exact
 * HTTP status of the latest call; {@code status} true = the receiver accepted it, false = failed, null = any
 * (scheduled and retrying rows included); {@code from}/{@code to} bound the creation date, inclusive.
 */
public record WebhookHistoryFilter(
        Long opportunityId,
        @Parameter(description = "opportunity name contains") String opportunity,
        @Parameter(description = "webhook URL contains") String url,
        @Parameter(description = "HTTP status of the latest call, e.g. 500") Integer responseCode,
        @Parameter(description = "true = accepted by the receiver, false = failed") Boolean status,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) implements ActionFilter {

    public static WebhookHistoryFilter ofOpportunity(long opportunityId) {
        return new WebhookHistoryFilter(opportunityId, null, null, null, null, null, null);
    }
}
