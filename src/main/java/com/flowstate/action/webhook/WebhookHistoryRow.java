package com.flowstate.action.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.flowstate.history.ActionHistoryRow;
import com.flowstate.history.ActionRow;

/**
 * A row of the Webhook tab: one Call webhook execution and its latest HTTP call. Its status is true when the
 * receiver accepted the call.
 *
 * @param url             without user info and query values
 * @param responseCode    HTTP status of the latest call; null before the first call or when it got no answer
 * @param responseExcerpt start of the latest answer's body, on one line
 * @param durationMillis  how long the latest call took, answer or not
 */
public record WebhookHistoryRow(
        @JsonUnwrapped ActionRow action,
        String url,
        String eventName,
        Integer responseCode,
        String responseExcerpt,
        Long durationMillis,
        Instant calledAt) implements ActionHistoryRow {
}
