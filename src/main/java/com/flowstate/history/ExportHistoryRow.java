package com.flowstate.history;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.flowstate.history.ActionStatus;

/**
 * A row of the Exports tab: one Export execution. The file itself is not part of the row; {@code hasFile} says
 * whether it can be downloaded ({@code GET /api/history/exports/{id}/file}).
 *
 * @param opportunityId null for a scheduled export, which belongs to no opportunity
 * @param recipient     as the template names it: a role or an address
 * @param recipientEmail the address it was resolved to; null until resolved
 * @param delivery      ATTACHED or LINKED once sent
 */
public record ExportHistoryRow(
        long id,
        Long opportunityId,
        String opportunityName,
        String template,
        String exportType,
        String extension,
        String recipient,
        String recipientEmail,
        String smtpCredential,
        ActionStatus state,
        Long rows,
        Long fileSize,
        String fileName,
        boolean hasFile,
        String delivery,
        int attempts,
        String lastError,
        String substateKey,
        String substateName,
        String trigger,
        String messageId,
        Instant createdAt,
        Instant sentAt) {

    /** The seed's status: true = sent, false = failed, null while scheduled or retrying. */
    @JsonProperty("status")
    public Boolean status() {
        return state.asBoolean();
    }
}
