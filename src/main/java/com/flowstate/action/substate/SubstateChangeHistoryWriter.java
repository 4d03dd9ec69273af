package com.flowstate.action.substate;

import java.sql.Timestamp;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.flowstate.flow.FlowMigrated;
import com.flowstate.flow.SubstateChangeFinished;
import com.flowstate.history.ActionStatus;
import com.flowstate.i18n.Reason;
import com.flowstate.opportunity.ManualSubstateChange;

/**
 * Writes the Substates tab's rows the action runner does not. An action's row is created and kept up to date by the
 * platform's action history, and stays running after the attempt; this writes its outcome once the follow-up job has
 * made or refused the change. A manual change gets a row of its own, keyed {@code manual:<uuid>} since no engine job
 * stands behind it.
 */
@Component
class SubstateChangeHistoryWriter {

    private final JdbcClient jdbc;

    SubstateChangeHistoryWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Only a row still under way takes the outcome: a late event never overwrites a final status. */
    void recordFinished(SubstateChangeFinished finished) {
        jdbc.sql("""
                        update substate_change_history set status = ?, last_error = ?, reason_code = ?,
                            reason_params = cast(? as jsonb),
                            target_substate_name = coalesce(?, target_substate_name), updated_at = ?
                        where execution_key = ? and status in ('SCHEDULED', 'RUNNING', 'RETRYING')""")
                .params((finished.made() ? ActionStatus.SUCCEEDED : ActionStatus.FAILED).name(), text(finished.refusal()),
                        code(finished.refusal()), params(finished.refusal()), finished.targetName(),
                        Timestamp.from(finished.at()), finished.executionKey())
                .update();
    }

    void recordManual(ManualSubstateChange change, String substateName) {
        Timestamp at = Timestamp.from(change.at());
        jdbc.sql("""
                        insert into substate_change_history (execution_key, opportunity_id, process_instance_id,
                            trigger, change_type, target_substate_key, target_substate_name, manual, changed_by,
                            status, attempts, last_error, reason_code, reason_params, created_at, updated_at)
                        values (?, ?, ?, 'MANUAL', ?, ?, ?, true, ?, ?, 1, ?, ?, cast(? as jsonb), ?, ?)""")
                .params("manual:" + UUID.randomUUID(), change.opportunityId(), change.processInstanceId(),
                        change.type().name(), change.substateKey(), substateName, change.username(),
                        (change.made() ? ActionStatus.SUCCEEDED : ActionStatus.FAILED).name(), text(change.refusal()),
                        code(change.refusal()), params(change.refusal()), at, at)
                .update();
    }

    private static String text(Reason reason) {
        return reason == null ? null : reason.text();
    }

    private static String code(Reason reason) {
        return reason == null ? null : reason.code();
    }

    private static String params(Reason reason) {
        return reason == null ? null : reason.paramsJson();
    }

    /** An admin moved the opportunity to another version of its flow. */
    void recordMigration(FlowMigrated migrated) {
        Timestamp at = Timestamp.from(migrated.at());
        jdbc.sql("""
                        insert into substate_change_history (execution_key, opportunity_id, process_instance_id,
                            trigger, change_type, target_substate_name, manual, changed_by, status, attempts,
                            created_at, updated_at)
                        values (?, ?, ?, 'MANUAL', 'MIGRATE', ?, true, ?, 'SUCCEEDED', 1, ?, ?)""")
                .params("migration:" + UUID.randomUUID(), migrated.opportunityId(), migrated.processInstanceId(),
                        migrated.flowKey() + " v" + migrated.fromVersion() + " → v" + migrated.toVersion(),
                        migrated.by(), at, at)
                .update();
    }
}
