package com.flowstate.action.webhook;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a Call webhook execution's row of the Webhook tab. The row itself is created and its failed attempts
 * counted by the generic action-history projection; this records what the HTTP calls answered and how it ended.
 */
@Component
class WebhookHistoryWriter {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    WebhookHistoryWriter(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * One HTTP call and what it answered (a null code: no answer), in its own transaction: an attempt that fails
     * rolls back, and the tab should still show the 500 the receiver gave it.
     */
    void recordCall(String executionKey, String url, Instant calledAt, long durationMillis, Integer responseCode,
                    String responseExcerpt) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        update webhook_history set url = ?, called_at = ?, duration_ms = ?, response_code = ?,
                            response_excerpt = ?, updated_at = now()
                        where execution_key = ?""")
                .params(url, Timestamp.from(calledAt), durationMillis, responseCode, responseExcerpt, executionKey)
                .update());
    }

    /** The receiver accepted the call (in the attempt's transaction). */
    void recordSucceeded(String executionKey, int attemptNumber, String url, String eventName, int responseCode) {
        jdbc.sql("""
                        update webhook_history set status = 'SUCCEEDED', attempts = ?, url = ?, event_name = ?,
                            response_code = ?, last_error = null, updated_at = now()
                        where execution_key = ?""")
                .params(attemptNumber, url, eventName, responseCode, executionKey)
                .update();
    }

    /** The execution is over without a call the receiver accepted (in the attempt's transaction). */
    void recordFailed(String executionKey, int attemptNumber, String url, String eventName, String reason) {
        jdbc.sql("""
                        update webhook_history set status = 'FAILED', attempts = ?, url = ?, event_name = ?,
                            last_error = ?, updated_at = now()
                        where execution_key = ?""")
                .params(attemptNumber, url, eventName, reason, executionKey)
                .update();
    }
}
