package com.flowstate.history;

import java.time.LocalDate;

/**
 * Filters of the Webhook tab: opportunity and URL match "contains", ignoring case; {@code responseCode} is the exact
 * HTTP status of the latest call; {@code status} true = the receiver accepted it, false = failed, null = any
 * (scheduled and retrying rows included); {@code from}/{@code to} bound the creation date, inclusive.
 */
public record WebhookHistoryFilter(
        Long opportunityId,
        String opportunity,
        String url,
        Integer responseCode,
        Boolean status,
        LocalDate from,
        LocalDate to) {

    public static WebhookHistoryFilter empty() {
        return new WebhookHistoryFilter(null, null, null, null, null, null, null);
    }

    public WebhookHistoryFilter withOpportunityId(Long value) {
        return new WebhookHistoryFilter(value, opportunity, url, responseCode, status, from, to);
    }

    public WebhookHistoryFilter withOpportunity(String value) {
        return new WebhookHistoryFilter(opportunityId, value, url, responseCode, status, from, to);
    }

    public WebhookHistoryFilter withUrl(String value) {
        return new WebhookHistoryFilter(opportunityId, opportunity, value, responseCode, status, from, to);
    }

    public WebhookHistoryFilter withResponseCode(Integer value) {
        return new WebhookHistoryFilter(opportunityId, opportunity, url, value, status, from, to);
    }

    public WebhookHistoryFilter withStatus(Boolean value) {
        return new WebhookHistoryFilter(opportunityId, opportunity, url, responseCode, value, from, to);
    }

    public WebhookHistoryFilter withFrom(LocalDate value) {
        return new WebhookHistoryFilter(opportunityId, opportunity, url, responseCode, status, value, to);
    }

    public WebhookHistoryFilter withTo(LocalDate value) {
        return new WebhookHistoryFilter(opportunityId, opportunity, url, responseCode, status, from, value);
    }
}
