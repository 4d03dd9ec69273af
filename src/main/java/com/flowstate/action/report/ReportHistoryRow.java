package com.flowstate.action.report;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.flowstate.history.ActionHistoryRow;
import com.flowstate.history.ActionRow;

/**
 * A row of the Reports tab: one Send report execution. The SMTP credentials appear by account name only, never with
 * a password; the document itself is fetched separately ({@link #documentUrl()}), so a page of rows stays small.
 *
 * @param fileName     the sent document's file name; null until (unless) the report went out
 * @param documentSize its size in bytes
 */
public record ReportHistoryRow(
        @JsonUnwrapped ActionRow action,
        String template,
        String recipientRole,
        String recipientEmail,
        String smtpCredential,
        String fromAddress,
        String fileName,
        Integer documentSize,
        String subject,
        String messageId,
        Instant sentAt) implements ActionHistoryRow {

    /** Whether the sent document can be downloaded. */
    public boolean hasDocument() {
        return fileName != null;
    }

    /** Where the REST API serves the sent document; null when there is none. */
    @JsonProperty("documentUrl")
    public String documentUrl() {
        return hasDocument() ? "/api/history/reports/" + action.id() + "/document" : null;
    }
}
