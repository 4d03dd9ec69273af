package com.flowstate.history;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.flowstate.history.ActionStatus;

/**
 * A row of the Webhook tab: one Call webhook execution and its latest HTTP call.
 *
 * @param url             without user info and query values
 * @param responseCode    HTTP status of the latest call; null before the first call or when it got no answer
 * @param responseExcerpt start of the latest answer's body, on one line
 * @param durationMillis  how long the latest call took, answer or not
 */
public record WebhookHistoryRow(
        long id,
        long opportunityId,
        String opportunityName,
        String url,
        String eventName,
        Integer responseCode,
        String responseExcerpt,
        Long durationMillis,
        Instant calledAt,
        ActionStatus state,
        int attempts,
        String lastError,
        String substateKey,
        String substateName,
        String trigger,
        Instant createdAt) {

    /** The seed's status: true = the receiver accepted the call, false = failed, null while scheduled or retrying. */
    @JsonProperty("status")
    public Boolean status() {
        return state.asBoolean();
    }
}
