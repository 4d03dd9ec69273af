package com.flowstate.action;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.history.ActionStatus;

/**
 * Runs an action execution again outside its flow, with the inputs it first ran with ({@link ActionInputs}): a
 * person's retry of a failed execution (the same execution key, so the same history row, the attempts counting on,
 * and {@link Outbound}'s dedupe: an e-mail that did go out is not sent again) or resend of a sent e-mail or report (a
 * new execution key, hence a new row and a new Message-ID). The job that calls {@link #run} belongs to the retry
 * feature; the retry and final-failure rules stay the {@link ActionRunner}'s.
 */
@Component
public class ActionReruns {

    private static final Logger log = LoggerFactory.getLogger(ActionReruns.class);

    private final Actions actions;
    private final ActionRunner runner;
    private final ActionInputs inputs;
    private final JdbcClient jdbc;
    private final Map<String, Boolean> resendColumns = new ConcurrentHashMap<>();

    ActionReruns(Actions actions, ActionRunner runner, ActionInputs inputs, JdbcClient jdbc) {
        this.actions = actions;
        this.runner = runner;
        this.inputs = inputs;
        this.jdbc = jdbc;
    }

    /**
     * An action as retry and resend see it.
     *
     * @param type       the action's class: its package is its feature's (its history query sits beside it)
     * @param retryable  whether a failed execution may be run again outside the flow
     * @param resendable whether a new execution may repeat a succeeded one (its table links the copy to the original)
     */
    public record Target(String name, String historyTable, Class<?> type, boolean retryable, boolean resendable) {
    }

    public Optional<Target> target(String actionName) {
        return actions.find(actionName).map(action -> new Target(action.name(), action.historyTable(),
                AopUtils.getTargetClass(action), action.retryableLater(), hasResendColumn(action.historyTable())));
    }

    /** Whether the execution's original inputs are stored (executions from before V19 have none). */
    public boolean hasInputs(String executionKey) {
        return jdbc.sql("select count(*) from action_input where execution_key = ?").param(executionKey)
                .query(Integer.class).single() > 0;
    }

    /** The action of a stored execution, as modelled when it first ran. */
    public Optional<ActionDefinition> definition(String executionKey) {
        return inputs.find(executionKey).map(ActionInputs.Stored::definition);
    }

    /**
     * Makes the new execution of a resend: a {@code SCHEDULED} row beside the original, linked to it through
     * {@code resend_of}, with the original's place in the flow and the columns known before an attempt, and the
     * original's inputs. The caller schedules its job.
     *
     * @return the new execution key
     */
    public String prepareResend(Target target, long originalId, String originalKey) {
        Action<?> action = actions.find(target.name()).orElseThrow();
        ActionInputs.Stored stored = inputs.find(originalKey).orElseThrow(() ->
                new IllegalStateException("No stored inputs for " + originalKey));
        String key = "resend-" + UUID.randomUUID();
        List<String> own = new ArrayList<>(scheduledColumns(action, stored).keySet());
        List<String> copied = new ArrayList<>(List.of("opportunity_id", "process_instance_id", "activity_id",
                "substate_key", "substate_name", "trigger"));
        copied.addAll(own);
        String table = action.historyTable();
        jdbc.sql("insert into " + table + " (execution_key, status, resend_of, created_at, updated_at, "
                        + String.join(", ", copied) + ") select ?, 'SCHEDULED', id, now(), now(), "
                        + String.join(", ", copied) + " from " + table + " where id = ?")
                .params(key, originalId).update();
        inputs.copy(originalKey, key);
        return key;
    }

    /**
     * One attempt of a retry or resend, in the job's transaction; throws (to be retried by the engine) like the
     * flow's attempts. An execution that succeeded meanwhile is left alone.
     *
     * @return where the execution stands afterwards
     */
    public ActionStatus run(String executionKey, AttemptOrigin origin, boolean lastAttempt) {
        ActionInputs.Stored stored = inputs.find(executionKey).orElseThrow(() ->
                new IllegalStateException("No stored inputs for " + executionKey));
        Action<?> action = actions.find(stored.action()).orElseThrow(() ->
                new IllegalStateException("Unknown action " + stored.action()));
        var row = jdbc.sql("select opportunity_id, process_instance_id, attempts, status from "
                        + action.historyTable() + " where execution_key = ?")
                .param(executionKey)
                .query((rs, n) -> new Object[] {rs.getObject(1, Long.class), rs.getString(2), rs.getInt(3),
                        ActionStatus.valueOf(rs.getString(4))})
                .single();
        if (row[3] == ActionStatus.SUCCEEDED) {
            log.info("Action {} {} succeeded meanwhile; not running it again", action.name(), executionKey);
            return ActionStatus.SUCCEEDED;
        }
        var attempt = new ActionAttempt(executionKey, (Long) row[0], (String) row[1], stored.definition(),
                (Integer) row[2] + 1, lastAttempt);
        runWith(action, attempt, stored.inputs(), origin);
        return jdbc.sql("select status from " + action.historyTable() + " where execution_key = ?")
                .param(executionKey).query((rs, n) -> ActionStatus.valueOf(rs.getString(1))).single();
    }

    private <P extends Record> void runWith(Action<P> action, ActionAttempt attempt, Map<String, String> stored,
                                            AttemptOrigin origin) {
        runner.run(action, attempt, action.parameters(stored::get), origin);
    }

    private static <P extends Record> Map<String, Object> scheduledColumns(Action<P> action,
                                                                           ActionInputs.Stored stored) {
        return Collections.unmodifiableMap(action.scheduledColumns(action.parameters(stored.inputs()::get),
                stored.definition()));
    }

    private boolean hasResendColumn(String table) {
        return resendColumns.computeIfAbsent(table, name -> jdbc.sql("""
                        select count(*) from information_schema.columns
                         where table_schema = current_schema() and table_name = ? and column_name = 'resend_of'""")
                .param(name).query(Integer.class).single() > 0);
    }
}
