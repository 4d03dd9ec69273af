package com.flowstate.action.export;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.flowstate.flow.ActionAttempt;

/**
 * The Exports tab rows the platform does not write. In an opportunity's flow the row is created by the action
 * history when the job is scheduled; a scheduled export's process has no opportunity, so the engine does not report
 * it and the row is created here, before the attempt. Either way the action runner records the outcome on it.
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
    void ensureScheduledRow(ActionAttempt attempt, String templateName) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
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
}
