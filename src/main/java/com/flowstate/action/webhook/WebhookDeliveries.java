package com.flowstate.action.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.flowstate.action.OwnTransaction;

/**
 * Remembers, outside the job's transaction, what the receiver of an execution's webhook answered, since an attempt
 * that fails rolls back:
 * <ul>
 *   <li>that it accepted the call: if the job then fails and is retried, the retry finds the record and does not
 *   call again (DESIGN invariant 3); the receiver's own de-duplication by {@code Idempotency-Key} covers the gap
 *   between its answer and this record;</li>
 *   <li>what the latest call answered, on the execution's row of the Webhook tab, so a retried attempt still shows
 *   the 500 it got. The platform writes the rest of the row when the attempt ends.</li>
 * </ul>
 */
@Component
class WebhookDeliveries {

    private final OwnTransaction ownTransaction;

    WebhookDeliveries(OwnTransaction ownTransaction) {
        this.ownTransaction = ownTransaction;
    }

    /** The response code the receiver accepted the execution's call with, if it did. */
    Optional<Integer> find(String executionKey) {
        return ownTransaction.call(jdbc -> jdbc.sql(
                        "select response_code from webhook_delivery where execution_key = ?")
                .param(executionKey).query(Integer.class).optional());
    }

    void record(String executionKey, int responseCode) {
        ownTransaction.run(jdbc -> jdbc.sql("""
                        insert into webhook_delivery (execution_key, response_code) values (?, ?)
                        on conflict do nothing""")
                .params(executionKey, responseCode).update());
    }

    /** One HTTP call and what it answered (a null code: no answer), on the execution's history row. */
    void recordCall(String executionKey, String url, Instant calledAt, long durationMillis, Integer responseCode,
                    String responseExcerpt) {
        ownTransaction.run(jdbc -> jdbc.sql("""
                        update webhook_history set url = ?, called_at = ?, duration_ms = ?, response_code = ?,
                            response_excerpt = ?, updated_at = now()
                        where execution_key = ?""")
                .params(url, Timestamp.from(calledAt), durationMillis, responseCode, responseExcerpt, executionKey)
                .update());
    }
}
