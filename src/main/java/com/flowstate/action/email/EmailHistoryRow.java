package com.flowstate.action.email;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.flowstate.history.ActionHistoryRow;
import com.flowstate.history.ActionRow;

/** A row of the E-mail tab. The SMTP credentials appear by account name only, never with a password. */
public record EmailHistoryRow(
        @JsonUnwrapped ActionRow action,
        String template,
        String recipientEmail,
        String smtpCredential,
        String subject,
        String bodyPreview,
        String messageId,
        Instant sentAt) implements ActionHistoryRow {
}
