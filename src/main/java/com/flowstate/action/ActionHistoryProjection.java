package com.flowstate.action;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.flowstate.flow.ActionAttemptFailed;
import com.flowstate.flow.ActionCancelled;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionScheduled;
import com.flowstate.flow.ActionType;

/**
 * Keeps every action's history tab in step with the engine: one row per action execution, inserted when the engine
 * schedules it and updated by every failed attempt. Failed attempts arrive from the engine's failure transaction,
 * so they are kept although the attempt itself rolled back. The action's own service records its outcome.
 */
@Component
class ActionHistoryProjection {

    private final JdbcClient jdbc;
    private final Map<ActionType, ActionHistoryTable> tables = new EnumMap<>(ActionType.class);

    ActionHistoryProjection(JdbcClient jdbc, List<ActionHistoryTable> tables) {
        this.jdbc = jdbc;
        tables.forEach(table -> this.tables.put(table.type(), table));
    }

    @EventListener
    void on(ActionScheduled scheduled) {
        ActionDefinition action = scheduled.action();
        ActionHistoryTable table = tables.get(action.type());
        if (table == null) {
            return;
        }
        Map<String, Object> own = table.scheduledColumns(action);
        List<String> columns = new ArrayList<>(List.of("execution_key", "opportunity_id", "process_instance_id",
                "activity_id", "substate_key", "substate_name", "trigger", "status", "created_at", "updated_at"));
        List<Object> values = new ArrayList<>(List.of(scheduled.executionKey(), scheduled.opportunityId(),
                scheduled.processInstanceId(), action.activityId()));
        values.add(action.substateKey());
        values.add(action.substateName());
        values.add(action.trigger().name());
        values.add(ActionStatus.SCHEDULED.name());
        values.add(Timestamp.from(scheduled.at()));
        values.add(Timestamp.from(scheduled.at()));
        columns.addAll(own.keySet());
        values.addAll(own.values());
        jdbc.sql("insert into " + table.table() + " (" + String.join(", ", columns) + ") values ("
                        + String.join(", ", Collections.nCopies(columns.size(), "?"))
                        + ") on conflict (execution_key) do nothing")
                .params(values).update();
    }

    @EventListener
    void on(ActionAttemptFailed failed) {
        ActionHistoryTable table = tables.get(failed.action().type());
        if (table != null) {
            jdbc.sql("update " + table.table() + """
                             set attempts = attempts + 1, status = ?, last_error = ?, updated_at = ?
                            where execution_key = ?""")
                    .params((failed.willRetry() ? ActionStatus.RETRYING : ActionStatus.FAILED).name(), failed.error(),
                            Timestamp.from(failed.at()), failed.executionKey())
                    .update();
        }
    }

    @EventListener
    void on(ActionCancelled cancelled) {
        ActionHistoryTable table = tables.get(cancelled.action().type());
        if (table != null) {
            jdbc.sql("update " + table.table() + """
                             set status = 'FAILED', updated_at = ?,
                                 last_error = 'Cancelled: the flow moved on before the action ran'
                            where execution_key = ? and status in ('SCHEDULED', 'RETRYING')""")
                    .params(Timestamp.from(cancelled.at()), cancelled.executionKey())
                    .update();
        }
    }
}
