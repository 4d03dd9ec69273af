package com.flowstate.action.export;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records how an export execution ended on its Exports tab row, in the attempt's transaction. In an opportunity's
 * flow the row is created by the generic action-history projection when the job is scheduled; a scheduled export's
 * process has no opportunity, so the projection does not see it and the row is created here, before the attempt.
 */
@Component
class ExportHistoryWriter {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    ExportHistoryWriter(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Creates the row of a scheduled export in a transaction of its own, so it outlives a failed attempt and the
     * engine's failure record updates it like any other row. A retry finds it in place.
     */
    void ensureScheduledRow(ExportRun run, String templateName) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into export_history (execution_key, opportunity_id, process_instance_id, activity_id,
                                                    trigger, template_name, status)
                        values (?, null, ?, ?, 'SCHEDULED', ?, 'SCHEDULED')
                        on conflict (execution_key) do nothing""")
                .params(run.executionKey(), run.processInstanceId(), run.activityId(),
                        templateName == null ? "" : templateName)
                .update());
    }

    Optional<Long> idOf(String executionKey) {
        return jdbc.sql("select id from export_history where execution_key = ?").param(executionKey)
                .query(Long.class).optional();
    }

    void recordSucceeded(String executionKey, ExportAttemptResult result) {
        update(executionKey, result, "SUCCEEDED", null);
    }

    void recordFailed(String executionKey, ExportAttemptResult result, String reason) {
        update(executionKey, result, "FAILED", reason);
    }

    private void update(String executionKey, ExportAttemptResult result, String status, String reason) {
        ExportTemplate template = result.template();
        ExportRecipient recipient = result.recipient();
        StoredExportFile file = result.file();
        boolean sent = "SUCCEEDED".equals(status);
        jdbc.sql("""
                        update export_history set status = ?, attempts = ?, template_name = ?,
                            export_type = coalesce(?, export_type), extension = coalesce(?, extension),
                            recipient = coalesce(?, recipient), smtp_credential_name = coalesce(?, smtp_credential_name),
                            recipient_email = coalesce(?, recipient_email),
                            scope_company_id = coalesce(?, scope_company_id),
                            row_count = coalesce(?, row_count), file_size = coalesce(?, file_size),
                            file_name = coalesce(?, file_name), delivery = coalesce(?, delivery),
                            message_id = coalesce(?, message_id), last_error = ?,
                            sent_at = case when ? then now() else sent_at end, updated_at = now()
                        where execution_key = ?""")
                .params(status, result.attemptNumber(), result.templateName(),
                        template == null ? null : template.exportType().name(),
                        template == null ? null : template.extension().name(),
                        template == null ? null : template.recipient(),
                        template == null ? null : template.smtpCredentialName(),
                        recipient == null ? null : recipient.email(),
                        recipient == null ? null : recipient.scopeCompanyId(),
                        file == null ? null : file.rowCount(),
                        file == null ? null : file.fileSize(),
                        file == null ? null : file.fileName(),
                        result.delivery() == null ? null : result.delivery().name(),
                        result.messageId(), reason, sent, executionKey)
                .update();
    }
}
