package com.flowstate.history;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.flowstate.action.ActionStatus;

/**
 * A row of the E-mail tab. The SMTP credentials appear by account name only, never with a password.
 */
public record EmailHistoryRow(
        long id,
        long opportunityId,
        String opportunityName,
        String template,
        String recipientEmail,
        String smtpCredential,
        ActionStatus state,
        int attempts,
        String lastError,
        String substateKey,
        String substateName,
        String trigger,
        String subject,
        String bodyPreview,
        String messageId,
        Instant createdAt,
        Instant sentAt) {

    /** The seed's status: true = sent, false = failed, null while scheduled or retrying. */
    @JsonProperty("status")
    public Boolean status() {
        return state.asBoolean();
    }
}
