package com.flowstate.action.export;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.flowstate.history.ActionHistoryRow;
import com.flowstate.history.ActionRow;

/**
 * A row of the Exports tab: one Export execution; a scheduled export's has no opportunity. The file itself is not
 * part of the row; {@code hasFile} says whether the caller can download it ({@code GET /api/history/exports/{id}/file}):
 * a partner sees the exports its opportunities ran for others, but not their files.
 *
 * @param recipient      as the template names it: a role or an address
 * @param recipientEmail the address it was resolved to; null until resolved
 * @param delivery       ATTACHED or LINKED once sent
 */
public record ExportHistoryRow(
        @JsonUnwrapped ActionRow action,
        String template,
        String exportType,
        String extension,
        String recipient,
        String recipientEmail,
        String smtpCredential,
        Long rows,
        Long fileSize,
        String fileName,
        boolean hasFile,
        String delivery,
        String messageId,
        Instant sentAt) implements ActionHistoryRow {
}
