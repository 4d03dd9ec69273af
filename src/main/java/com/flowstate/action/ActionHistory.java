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
            "created_at", "updated_at");

    private final JdbcClient jdbc;
    private final Actions actions;

    ActionHistory(JdbcClient jdbc, Actions actions) {
        this.jdbc = jdbc;
        this.actions = actions;
    }

    @EventListener
    void on(ActionScheduled scheduled) {
        actions.find(scheduled.action().action()).ifPresent(action -> insertScheduled(action, scheduled));
    }

    @EventListener
    void on(ActionAttemptFailed failed) {
        actions.find(failed.action().action()).ifPresent(action -> jdbc.sql("update " + action.historyTable() + """
                         set attempts = attempts + 1, status = ?, last_error = ?, updated_at = ?
                        where execution_key = ?""")
                .params((failed.willRetry() ? ActionStatus.RETRYING : ActionStatus.FAILED).name(), failed.error(),
                        Timestamp.from(failed.at()), failed.executionKey())
                .update());
    }

    @EventListener
    void on(ActionCancelled cancelled) {
        actions.find(cancelled.action().action()).ifPresent(action -> jdbc.sql("update " + action.historyTable() + """
                         set status = 'FAILED', updated_at = ?,
                             last_error = 'Cancelled: the flow moved on before the action ran'
                        where execution_key = ? and status in ('SCHEDULED', 'RETRYING')""")
                .params(Timestamp.from(cancelled.at()), cancelled.executionKey())
                .update());
    }

    void recordSucceeded(Action<?> action, ActionAttempt attempt, HistoryRow row) {
        update(action, attempt, row.succeededAs(), row.note(), row.columns());
    }

    /** The columns the attempt learned before it failed; the ones it did not learn keep what the row had. */
    void recordFailed(Action<?> action, ActionAttempt attempt, HistoryRow row, String reason) {
        Map<String, Object> known = new LinkedHashMap<>(row.columns());
        known.values().removeIf(Objects::isNull);
        update(action, attempt, ActionStatus.FAILED, reason, known);
    }

    private void update(Action<?> action, ActionAttempt attempt, ActionStatus status, String reason,
                        Map<String, Object> own) {
        StringBuilder sql = new StringBuilder("update ").append(action.historyTable())
                .append(" set status = ?, attempts = ?, last_error = ?, updated_at = now()");
        List<Object> values = new ArrayList<>(List.of(status.name(), attempt.attemptNumber()));
        values.add(reason);
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
