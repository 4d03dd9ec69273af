package com.flowstate.action.export;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.flowstate.action.OwnTransaction;

import com.flowstate.flow.ActionAttempt;

/**
 * What an export writes beside the action runner, in transactions of their own so they outlive a failed attempt:
 * <ul>
 *   <li>the Exports tab row of a scheduled export. In an opportunity's flow the row is created by the action history
 *   when the job is scheduled; a scheduled export's process has no opportunity, so the engine does not report it and
 *   the row is created here, before the attempt. Either way the runner records the outcome on it;</li>
 *   <li>that an execution's e-mail was handed to SMTP: if the job then fails and is retried, the retry finds the
 *   record and does not send the file again (invariant 3).</li>
 * </ul>
 */
@Component
class ExportRecords {

    private final JdbcClient jdbc;
    private final OwnTransaction ownTransaction;

    ExportRecords(JdbcClient jdbc, OwnTransaction ownTransaction) {
        this.jdbc = jdbc;
        this.ownTransaction = ownTransaction;
    }

    /**
     * Creates the row of a scheduled export in a transaction of its own, so it outlives a failed attempt and the
     * engine's failure record updates it like any other row. A retry finds it in place.
     */
    void ensureScheduledRow(ActionAttempt attempt, String templateName) {
        ownTransaction.run(own -> own.sql("""
                        insert into export_history (execution_key, opportunity_id, process_instance_id, activity_id,
                                                    trigger, template_name, status)
                        values (?, null, ?, ?, 'SCHEDULED', ?, 'SCHEDULED')
                        on conflict (execution_key) do nothing""")
                .params(attempt.executionKey(), attempt.processInstanceId(), attempt.action().activityId(),
                        templateName == null ? "" : templateName)
                .update());
    }

    Optional<Long> idOf(String executionKey) {
        return jdbc.sql("select id from export_history where execution_key = ?").param(executionKey)
                .query(Long.class).optional();
    }

    Optional<Delivery> findDelivery(String executionKey) {
        return ownTransaction.call(own -> own.sql("""
                        select message_id, recipient_email, delivery from export_delivery where execution_key = ?""")
                .param(executionKey).query(Delivery.class).optional());
    }

    void recordDelivery(String executionKey, String messageId, String recipientEmail, ExportDelivery delivery) {
        ownTransaction.run(own -> own.sql("""
                        insert into export_delivery (execution_key, message_id, recipient_email, delivery)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(executionKey, messageId, recipientEmail, delivery.name()).update());
    }

    record Delivery(String messageId, String recipientEmail, ExportDelivery delivery) {
    }
}
