package com.flowstate.action.substate;

import java.util.Arrays;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.ActionFailure;
import com.flowstate.action.HistoryRow;
import com.flowstate.action.OwnTransaction;
import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.FlowMigrated;
import com.flowstate.flow.FlowService;
import com.flowstate.flow.Substate;
import com.flowstate.flow.SubstateChangeException;
import com.flowstate.flow.SubstateChangeFinished;
import com.flowstate.flow.SubstateChangeJobs;
import com.flowstate.flow.SubstateChangeType;
import com.flowstate.opportunity.ManualSubstateChange;

/**
 * Opens or closes another substate of an opportunity's flow for an action, and keeps the Substates tab's rows that
 * the action runner does not: the outcome of the follow-up job, and one row per change a user made (or was refused)
 * by hand.
 *
 * <p>The action only schedules the change; a follow-up job makes it after the action commits, and its outcome
 * arrives as {@link SubstateChangeFinished}. A bad parameter or an unknown target fails the execution at once
 * ({@link ActionFailure#permanent}), with the reason, and the flow goes on. A target that is not open (close) or
 * already open (open) when the job runs is a "not completed" row with that reason, not an error.
 */
@Service
public class SubstateChangeActionService {

    private static final Logger log = LoggerFactory.getLogger(SubstateChangeActionService.class);

    private final SubstateChangeJobs jobs;
    private final FlowService flow;
    private final SubstateChangeHistoryWriter history;
    private final OwnTransaction ownTransaction;

    SubstateChangeActionService(SubstateChangeJobs jobs, FlowService flow, SubstateChangeHistoryWriter history,
                                OwnTransaction ownTransaction) {
        this.jobs = jobs;
        this.flow = flow;
        this.history = history;
        this.ownTransaction = ownTransaction;
    }

    /**
     * Runs one attempt: schedules the change and leaves the row running until the change is made, with the change
     * type and the resolved target on it.
     *
     * @throws ActionFailure (permanent) for an unknown change type, no target or an unknown target
     */
    @Transactional
    public void change(ActionAttempt attempt, SubstateChangeParameters parameters, HistoryRow row) {
        row.put("target_substate_key", parameters.targetSubstate());
        SubstateChangeType type = changeType(parameters.changeType());
        row.put("change_type", type.name());
        Substate target = schedule(attempt, type, parameters.targetSubstate());
        row.put("target_substate_key", target.key()).put("target_substate_name", target.name()).stillRunning();
    }

    /** The follow-up job made the change or found it could not: the row gets its final status. */
    @EventListener
    void on(SubstateChangeFinished finished) {
        if (!finished.made()) {
            log.info("Substate change {} not completed: {}", finished.executionKey(), finished.refusal());
        }
        history.recordFinished(finished);
    }

    /** An admin's migration of the opportunity to another flow version is logged with the changes. */
    @EventListener
    void on(FlowMigrated migrated) {
        if (migrated.opportunityId() != null) {
            history.recordMigration(migrated);
        }
    }

    /**
     * A user's change by hand is logged next to the actions' changes, marked manual: a change made, with it; a
     * refusal in a transaction of its own, so it is logged even when the request's transaction rolls back (a request
     * with an Idempotency-Key runs in one).
     */
    @EventListener
    void on(ManualSubstateChange change) {
        String name = flow.substatesOf(change.processInstanceId()).stream()
                .filter(substate -> substate.key().equals(change.substateKey()))
                .map(Substate::name).findFirst().orElse(change.substateKey());
        if (change.made()) {
            history.recordManual(change, name);
        } else {
            ownTransaction.run(jdbc -> history.recordManual(change, name));
        }
    }

    private Substate schedule(ActionAttempt attempt, SubstateChangeType type, String target) {
        if (target == null || target.isBlank()) {
            throw ActionFailure.permanent("parameter.noTargetSubstate");
        }
        try {
            return jobs.schedule(attempt, type, target.strip());
        } catch (SubstateChangeException e) {
            throw ActionFailure.permanent(e, "substate.unknown", "substate", target.strip());
        }
    }

    static SubstateChangeType changeType(String value) {
        try {
            return SubstateChangeType.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ActionFailure.permanent("parameter.unknownChangeType", "value", value,
                    "expected", Arrays.toString(SubstateChangeType.values()));
        }
    }
}
