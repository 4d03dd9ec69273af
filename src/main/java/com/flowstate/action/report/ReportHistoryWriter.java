package com.flowstate.action.report;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records how a Send report execution ended on its Reports tab row, in the attempt's transaction. The row itself
 * is created and kept up to date by the generic action-history projection.
 */
@Component
class ReportHistoryWriter {

    private final JdbcClient jdbc;

    ReportHistoryWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordSent(String executionKey, ReportAttemptResult result, SentReport report) {
        jdbc.sql("""
                        update report_history set status = 'SUCCEEDED', attempts = ?, template_name = ?,
                            smtp_credential_name = ?, recipient_email = ?, from_address = ?, subject = ?,
                            file_name = ?, document_size = ?, message_id = ?, last_error = null,
                            sent_at = ?, updated_at = now()
                        where execution_key = ?""")
                .params(result.attemptNumber(), result.templateName(), result.smtpCredentialName(),
                        report.recipientEmail(), report.fromAddress(), report.subject(), report.fileName(),
                        report.size(), report.messageId(), Timestamp.from(report.sentAt()), executionKey)
                .update();
    }

    void recordFailed(String executionKey, ReportAttemptResult result, String reason) {
        jdbc.sql("""
                        update report_history set status = 'FAILED', attempts = ?, template_name = ?,
                            smtp_credential_name = ?, recipient_email = coalesce(?, recipient_email),
                            from_address = coalesce(?, from_address), last_error = ?, updated_at = now()
                        where execution_key = ?""")
                .params(result.attemptNumber(), result.templateName(), result.smtpCredentialName(),
                        result.recipientEmail(), result.fromAddress(), reason, executionKey)
                .update();
    }
}
