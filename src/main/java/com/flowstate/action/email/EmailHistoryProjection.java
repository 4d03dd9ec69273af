package com.flowstate.action.email;

import java.sql.Timestamp;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.flowstate.action.ActionStatus;
import com.flowstate.flow.ActionAttemptFailed;
import com.flowstate.flow.ActionCancelled;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionScheduled;

/**
 * Keeps the E-mail tab: one row per e-mail action execution, inserted when the engine schedules it and updated by
 * every attempt. Failed attempts arrive from the engine's failure transaction, so they are kept although the
 * attempt itself rolled back.
 */
@Component
class EmailHistoryProjection {

    private final JdbcClient jdbc;

    EmailHistoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(condition = "#scheduled.action().type() == T(com.flowstate.flow.ActionType).EMAIL")
    void on(ActionScheduled scheduled) {
        ActionDefinition action = scheduled.action();
        jdbc.sql("""
                        insert into email_history (execution_key, opportunity_id, process_instance_id, activity_id,
                            substate_key, substate_name, trigger, template_name, smtp_credential_name,
                            recipient_role, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (execution_key) do nothing""")
                .params(scheduled.executionKey(), scheduled.opportunityId(), scheduled.processInstanceId(),
                        action.activityId(), action.substateKey(), action.substateName(), action.trigger().name(),
                        nonNull(action.parameter(SendEmailAction.TEMPLATE)),
                        nonNull(action.parameter(SendEmailAction.SMTP_CREDENTIAL)),
                        action.parameter(SendEmailAction.RECIPIENT_ROLE), ActionStatus.SCHEDULED.name(),
                        Timestamp.from(scheduled.at()), Timestamp.from(scheduled.at()))
                .update();
    }

    @EventListener(condition = "#failed.action().type() == T(com.flowstate.flow.ActionType).EMAIL")
    void on(ActionAttemptFailed failed) {
        jdbc.sql("""
                        update email_history set attempts = attempts + 1, status = ?, last_error = ?, updated_at = ?
                        where execution_key = ?""")
                .params((failed.willRetry() ? ActionStatus.RETRYING : ActionStatus.FAILED).name(), failed.error(),
                        Timestamp.from(failed.at()), failed.executionKey())
                .update();
    }

    @EventListener(condition = "#cancelled.action().type() == T(com.flowstate.flow.ActionType).EMAIL")
    void on(ActionCancelled cancelled) {
        jdbc.sql("""
                        update email_history set status = ?, last_error = ?, updated_at = ?
                        where execution_key = ? and status in ('SCHEDULED', 'RETRYING')""")
                .params(ActionStatus.FAILED.name(), "Cancelled: the flow moved on before the e-mail was sent",
                        Timestamp.from(cancelled.at()), cancelled.executionKey())
                .update();
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

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
