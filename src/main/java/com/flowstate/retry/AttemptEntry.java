package com.flowstate.retry;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.flowstate.i18n.Reason;

/**
 * One attempt of an action execution, as the row details and the REST API show it.
 *
 * @param origin          FLOW, RETRY or RESEND
 * @param requestedBy     username of the person who asked for a retry or resend; null for the flow
 * @param requestedByName that person's display name
 * @param startedAt       null when the node that ran a rolled-back attempt could not tell
 * @param outcome         SUCCEEDED, RUNNING (the action goes on elsewhere), RETRYING (will be retried) or FAILED
 */
public record AttemptEntry(int attempt, String origin, String requestedBy, String requestedByName, Instant startedAt,
                           Instant endedAt, String outcome, String reason, String reasonCode,
                           Map<String, String> reasonParams) {

    /** The reason, to be read in a reader's language ({@link Reason#in}); null when the attempt gave none. */
    @JsonIgnore
    public Reason asReason() {
        return reason == null && reasonCode == null ? null : new Reason(reasonCode, reasonParams, reason);
    }
}
