package com.flowstate.history;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.flowstate.history.ActionStatus;

/**
 * A row of the Reports tab: one Send report execution. The SMTP credentials appear by account name only, never with
 * a password; the document itself is fetched separately ({@link #documentUrl()}), so a page of rows stays small.
 *
 * @param fileName     the sent document's file name; null until (unless) the report went out
 * @param documentSize its size in bytes
 */
public record ReportHistoryRow(
        long id,
        long opportunityId,
        String opportunityName,
        String template,
        String recipientRole,
        String recipientEmail,
        String smtpCredential,
        String fromAddress,
        String fileName,
        Integer documentSize,
        ActionStatus state,
        int attempts,
        String lastError,
        String substateKey,
        String substateName,
        String trigger,
        String subject,
        String messageId,
        Instant createdAt,
        Instant sentAt) {

    /** The seed's status: true = sent, false = failed, null while scheduled or retrying. */
    @JsonProperty("status")
    public Boolean status() {
        return state.asBoolean();
    }

    /** Whether the sent document can be downloaded. */
    public boolean hasDocument() {
        return fileName != null;
    }

    /** Where the REST API serves the sent document; null when there is none. */
    @JsonProperty("documentUrl")
    public String documentUrl() {
        return hasDocument() ? "/api/history/reports/" + id + "/document" : null;
    }
}
