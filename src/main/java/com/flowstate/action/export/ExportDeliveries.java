package com.flowstate.action.export;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers, outside the job's transaction, that an export execution's e-mail was handed to SMTP. If the job then
 * fails and is retried, the retry finds the record and does not send the file again (DESIGN invariant 3).
 */
@Component
class ExportDeliveries {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    ExportDeliveries(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Optional<Delivery> find(String executionKey) {
        return ownTransaction.execute(status -> jdbc.sql("""
                        select message_id, recipient_email, delivery from export_delivery where execution_key = ?""")
                .param(executionKey).query(Delivery.class).optional());
    }

    void record(String executionKey, String messageId, String recipientEmail, ExportDelivery delivery) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into export_delivery (execution_key, message_id, recipient_email, delivery)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(executionKey, messageId, recipientEmail, delivery.name()).update());
    }

    record Delivery(String messageId, String recipientEmail, ExportDelivery delivery) {
    }
}
