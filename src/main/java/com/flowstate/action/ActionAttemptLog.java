package com.flowstate.action;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.ActionAttemptFailed;
import com.flowstate.history.ActionStatus;
import com.flowstate.i18n.Reason;

/**
 * Writes one {@code action_attempt} row per attempt of an execution (V19). An attempt that ends the execution (or
 * leaves it running) is written in its own transaction by the runner; one that throws to be retried rolls back, so it
 * is written from the engine's failure transaction ({@link ActionAttemptFailed}, through {@link ActionHistory}, which
 * knows the attempt's reason), like the history row's counter. Reasons are kept as code + parameters, like the rows'.
 *
 * <p>What the failure event does not carry (when the attempt started, its number, who asked for it) is remembered
 * here from the start of the attempt: the engine records the failure on the same node right after the rollback. An
 * attempt whose start this node does not know (another node died meanwhile) is written without a start time.
 */
@Component
class ActionAttemptLog {

    private final JdbcClient jdbc;
    private final Map<String, Started> running = new ConcurrentHashMap<>();

    ActionAttemptLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Started(String action, int attempt, AttemptOrigin origin, Instant at) {
    }

    void started(ActionAttempt attempt, AttemptOrigin origin) {
        running.put(attempt.executionKey(), new Started(attempt.action().action(), attempt.attemptNumber(), origin,
                Instant.now()));
    }

    /**
     * The attempt ended the execution (or left it running): its row, to be written in the attempt's transaction with
     * the history row's outcome ({@link ActionHistory}).
     */
    ProjectionWrite ended(ActionAttempt attempt, ActionStatus outcome, Reason reason) {
        Started started = running.remove(attempt.executionKey());
        AttemptOrigin origin = started == null ? AttemptOrigin.FLOW : started.origin();
        return insertOf(attempt.executionKey(), attempt.action().action(), attempt.attemptNumber(), origin,
                started == null ? null : started.at(), Instant.now(), outcome, reason);
    }

    void failed(ActionAttemptFailed failed, Reason reason) {
        Started started = running.remove(failed.executionKey());
        int number = started != null ? started.attempt() : jdbc.sql("""
                        select coalesce(max(attempt), 0) + 1 from action_attempt where execution_key = ?""")
                .param(failed.executionKey()).query(Integer.class).single();
        insert(failed.executionKey(), failed.action().action(), number,
                started == null ? AttemptOrigin.FLOW : started.origin(), started == null ? null : started.at(),
                failed.at(), failed.willRetry() ? ActionStatus.RETRYING : ActionStatus.FAILED, reason);
    }

    private void insert(String executionKey, String action, int attempt, AttemptOrigin origin, Instant startedAt,
                        Instant endedAt, ActionStatus outcome, Reason reason) {
        ProjectionWrite insert = insertOf(executionKey, action, attempt, origin, startedAt, endedAt, outcome, reason);
        jdbc.sql(insert.sql()).params(insert.params()).update();
    }

    private static ProjectionWrite insertOf(String executionKey, String action, int attempt, AttemptOrigin origin,
                                            Instant startedAt, Instant endedAt, ActionStatus outcome,
                                            Reason reason) {
        return new ProjectionWrite("""
                insert into action_attempt (execution_key, action, attempt, origin, requested_by, started_at,
                                            ended_at, outcome, reason, reason_code, reason_params)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""",
                Arrays.asList(executionKey, action, attempt, origin.kind().name(), origin.requestedBy(),
                        startedAt == null ? null : Timestamp.from(startedAt), Timestamp.from(endedAt),
                        outcome.name(), reason == null ? null : reason.text(),
                        reason == null ? null : reason.code(), reason == null ? null : reason.paramsJson()));
    }
}
