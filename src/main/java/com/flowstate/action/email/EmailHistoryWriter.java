package com.flowstate.action.email;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records how an e-mail action execution ended on its E-mail tab row, in the attempt's transaction. The row itself
 * is created and kept up to date by the generic action-history projection.
 */
@Component
class EmailHistoryWriter {

    private final JdbcClient jdbc;

    EmailHistoryWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordSent(String executionKey, EmailAttemptResult result) {
        jdbc.sql("""
                        update email_history set status = 'SUCCEEDED', attempts = ?, template_name = ?,
                            smtp_credential_name = ?, recipient_email = ?, subject = ?, body_preview = ?,
                            message_id = ?, last_error = null, sent_at = now(), updated_at = now()
                        where execution_key = ?""")
                .params(result.attemptNumber(), result.templateName(), result.smtpCredentialName(),
                        result.recipientEmail(), result.subject(), result.bodyPreview(), result.messageId(),
                        executionKey)
                .update();
    }

    void recordFailed(String executionKey, EmailAttemptResult result, String reason) {
        jdbc.sql("""
                        update email_history set status = 'FAILED', attempts = ?, template_name = ?,
                            smtp_credential_name = ?, recipient_email = coalesce(?, recipient_email),
                            subject = coalesce(?, subject), body_preview = coalesce(?, body_preview),
                            last_error = ?, updated_at = now()
                        where execution_key = ?""")
                .params(result.attemptNumber(), result.templateName(), result.smtpCredentialName(),
                        result.recipientEmail(), result.subject(), result.bodyPreview(), reason, executionKey)
                .update();
    }
}
