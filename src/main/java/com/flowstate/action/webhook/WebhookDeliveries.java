package com.flowstate.action.webhook;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers, outside the job's transaction, that a receiver accepted an execution's webhook. If the job then fails
 * and is retried, the retry finds the record and does not call again (DESIGN invariant 3); the receiver's own
 * de-duplication by {@code Idempotency-Key} covers the gap between its answer and this record.
 */
@Component
class WebhookDeliveries {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    WebhookDeliveries(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The response code the receiver accepted the execution's call with, if it did. */
    Optional<Integer> find(String executionKey) {
        return ownTransaction.execute(status -> jdbc.sql(
                        "select response_code from webhook_delivery where execution_key = ?")
                .param(executionKey).query(Integer.class).optional());
    }

    void record(String executionKey, int responseCode) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into webhook_delivery (execution_key, response_code) values (?, ?)
                        on conflict do nothing""")
                .params(executionKey, responseCode).update());
    }
}
