package com.flowstate.action;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.ActionAttemptFailed;
import com.flowstate.flow.ActionCancelled;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionScheduled;
import com.flowstate.history.ActionStatus;
import com.flowstate.i18n.Reason;

/**
 * Writes every action's history rows: one row per action execution, in the action's own table, keyed by the
 * engine job's id. The columns every action shares are written here and only here:
 * {@code execution_key, opportunity_id, process_instance_id, activity_id, substate_key, substate_name, trigger,
 * status, attempts, last_error, created_at, updated_at}; an action adds its own through {@link HistoryRow}.
 *
 * <p>The row is inserted when the engine schedules the execution and updated by every failed attempt; failed
 * attempts arrive from the engine's failure transaction, so they are kept although the attempt itself rolled back.
 * The outcome of the attempt that ends the execution is written in that attempt's transaction.
 */
@Component
class ActionHistory {

    static final List<String> SHARED_COLUMNS = List.of("execution_key", "opportunity_id", "process_instance_id",
            "activity_id", "substate_key", "substate_name", "trigger", "status", "attempts", "last_error",
            "reason_code", "reason_params", "created_at", "updated_at");

    /**
     * The reason of the attempt this thread just rethrew for a retry. The engine records the failure after rolling
     * the attempt back, on the same thread, and hands over only the exception's message; this lets the row keep the
     * reason's code and parameters. Held from the throw to the failure record only; never across threads or nodes.
     */
    private static final ThreadLocal<RetriedAttempt> RETRIED = new ThreadLocal<>();

    private record RetriedAttempt(String executionKey, Reason reason) {
    }

    private final JdbcClient jdbc;
    private final Actions actions;
    private final ActionAttemptLog attemptLog;

    ActionHistory(JdbcClient jdbc, Actions actions, ActionAttemptLog attemptLog) {
        this.attemptLog = attemptLog;
        this.jdbc = jdbc;
        this.actions = actions;
    }

    @EventListener
    void on(ActionScheduled scheduled) {
        actions.find(scheduled.action().action()).ifPresent(action -> insertScheduled(action, scheduled));
    }

    /** The runner is about to rethrow an attempt's failure so that the engine retries it. */
    static void retrying(String executionKey, Reason reason) {
        RETRIED.set(new RetriedAttempt(executionKey, reason));
    }

    @EventListener
    void on(ActionAttemptFailed failed) {
        Reason reason = retriedReason(failed);
        actions.find(failed.action().action()).ifPresent(action -> jdbc.sql("update " + action.historyTable() + """
                         set attempts = attempts + 1, status = ?, last_error = ?, reason_code = ?,
                             reason_params = cast(? as jsonb), updated_at = ?
                        where execution_key = ?""")
                .params((failed.willRetry() ? ActionStatus.RETRYING : ActionStatus.FAILED).name(), reason.text(),
                        reason.code(), reason.paramsJson(), Timestamp.from(failed.at()), failed.executionKey())
                .update());
        attemptLog.failed(failed, reason);
    }

    /** What the runner said about the failed attempt; an error outside the runner is unexpected, with its message. */
    private static Reason retriedReason(ActionAttemptFailed failed) {
        RetriedAttempt retried = RETRIED.get();
        RETRIED.remove();
        if (retried != null && retried.executionKey().equals(failed.executionKey())) {
            return retried.reason();
        }
        return Reason.of(Reason.UNEXPECTED, "message", failed.error() == null ? "" : failed.error());
    }

    @EventListener
    void on(ActionCancelled cancelled) {
        Reason reason = Reason.of("action.cancelled");
        actions.find(cancelled.action().action()).ifPresent(action -> jdbc.sql("update " + action.historyTable() + """
                         set status = 'FAILED', updated_at = ?, last_error = ?, reason_code = ?,
                             reason_params = cast(? as jsonb)
                        where execution_key = ? and status in ('SCHEDULED', 'RETRYING')""")
                .params(Timestamp.from(cancelled.at()), reason.text(), reason.code(), reason.paramsJson(),
                        cancelled.executionKey())
                .update());
    }

    /** The outcome of a successful attempt, in one statement with the projection's other writes of its end. */
    void recordSucceeded(Action<?> action, ActionAttempt attempt, HistoryRow row, List<ProjectionWrite> with) {
        update(action, attempt, row.succeededAs(), row.note(), row.columns(), with);
    }

    /** The columns the attempt learned before it failed; the ones it did not learn keep what the row had. */
    void recordFailed(Action<?> action, ActionAttempt attempt, HistoryRow row, Reason reason,
                      List<ProjectionWrite> with) {
        Map<String, Object> known = new LinkedHashMap<>(row.columns());
        known.values().removeIf(Objects::isNull);
        update(action, attempt, ActionStatus.FAILED, reason, known, with);
    }

    /**
     * The row's update, with the other writes of the attempt's end (its {@code action_attempt} row, the execution's
     * inputs) as data-modifying {@code with} clauses: one round trip instead of three, in the same transaction.
     */
    private void update(Action<?> action, ActionAttempt attempt, ActionStatus status, Reason reason,
                        Map<String, Object> own, List<ProjectionWrite> with) {
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < with.size(); i++) {
            sql.append(i == 0 ? "with " : ", ").append("w").append(i).append(" as (").append(with.get(i).sql())
                    .append(")\n");
            values.addAll(with.get(i).params());
        }
        sql.append("update ").append(action.historyTable())
                .append(" set status = ?, attempts = ?, last_error = ?, reason_code = ?,")
                .append(" reason_params = cast(? as jsonb), updated_at = now()");
        values.add(status.name());
        values.add(attempt.attemptNumber());
        values.add(reason == null ? null : reason.text());
        values.add(reason == null ? null : reason.code());
        values.add(reason == null ? null : reason.paramsJson());
        own.forEach((column, value) -> {
            sql.append(", ").append(column).append(" = ?");
            values.add(value);
        });
        sql.append(" where execution_key = ?");
        values.add(attempt.executionKey());
        jdbc.sql(sql.toString()).params(values).update();
    }

    private void insertScheduled(Action<?> action, ActionScheduled scheduled) {
        var definition = scheduled.action();
        Timestamp at = Timestamp.from(scheduled.at());
        List<String> columns = new ArrayList<>(List.of("execution_key", "opportunity_id", "process_instance_id",
                "activity_id", "substate_key", "substate_name", "trigger", "status", "created_at", "updated_at"));
        List<Object> values = new ArrayList<>(List.of(scheduled.executionKey(), scheduled.opportunityId(),
                scheduled.processInstanceId(), definition.activityId()));
        values.add(definition.substateKey());
        values.add(definition.substateName());
        values.add(definition.trigger().name());
        values.add(ActionStatus.SCHEDULED.name());
        values.add(at);
        values.add(at);
        scheduledColumns(action, definition).forEach((column, value) -> {
            columns.add(column);
            values.add(value);
        });
        jdbc.sql("insert into " + action.historyTable() + " (" + String.join(", ", columns) + ") values ("
                        + String.join(", ", Collections.nCopies(columns.size(), "?"))
                        + ") on conflict (execution_key) do nothing")
                .params(values).update();
    }

    private static <P extends Record> Map<String, Object> scheduledColumns(Action<P> action,
                                                                           ActionDefinition definition) {
        HistoryRow row = new HistoryRow();
        action.scheduledColumns(action.parameters(definition), definition).forEach(row::put);
        return row.columns();
    }
}
