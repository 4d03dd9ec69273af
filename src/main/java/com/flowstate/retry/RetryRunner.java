package com.flowstate.retry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.flowstate.action.ActionReruns;
import com.flowstate.history.ActionStatus;

/** The Spring side of a retry job's attempt: runs the action again and, in a batch, notes how the row ended. */
@Component
class RetryRunner {

    private final ActionReruns reruns;
    private final JdbcClient jdbc;

    RetryRunner(ActionReruns reruns, JdbcClient jdbc) {
        this.reruns = reruns;
        this.jdbc = jdbc;
    }

    void run(ActionRetryJobHandler.Rerun rerun, boolean lastAttempt) {
        ActionStatus outcome = reruns.run(rerun.executionKey(), rerun.origin(), lastAttempt);
        if (rerun.batchId() != null) {
            jdbc.sql("""
                            update retry_batch_item set outcome = ?, done_at = now()
                             where batch_id = ? and execution_key = ?""")
                    .params(outcome == ActionStatus.SUCCEEDED || outcome == ActionStatus.FAILED ? outcome.name()
                            : ActionStatus.RUNNING.name(), rerun.batchId(), rerun.executionKey())
                    .update();
        }
    }
}
