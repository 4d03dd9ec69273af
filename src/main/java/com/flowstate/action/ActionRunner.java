package com.flowstate.action;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.ActionAttempts;
import com.flowstate.history.ActionStatus;
import com.flowstate.i18n.Reason;

/**
 * Runs one attempt of any action and decides, once for all actions, what its outcome means (invariants 2 and 8 of
 * the design):
 * <ul>
 *   <li>success: the row takes the action's columns and succeeds;</li>
 *   <li>a transient failure before the last attempt: rethrown, so the engine rolls the attempt back and retries the
 *   job on the retry cycle (the attempt is recorded from the engine's failure transaction);</li>
 *   <li>a permanent failure, or any failure at the last attempt: the row is {@code FAILED} with the reason, and the
 *   flow goes on.</li>
 * </ul>
 * Anything else an action throws is a bug: retried like a transient failure and logged with its stack trace, and
 * after the last attempt final like any other failure (the row is {@code FAILED} with the error, the flow goes on),
 * so no incident waits for a person to find it.
 *
 * <p>The attempt runs in a nested transaction (a savepoint of the job's): an attempt that fails for good leaves none
 * of its own writes behind, and a {@code @Transactional} service it called cannot doom the job's transaction, in
 * which the failure is then recorded and the flow goes on.
 */
@Component
public class ActionRunner {

    private static final Logger log = LoggerFactory.getLogger(ActionRunner.class);

    private final ActionAttempts attempts;
    private final ActionHistory history;
    private final ActionInputs inputs;
    private final ActionAttemptLog attemptLog;
    private final TransactionTemplate attemptScope;

    ActionRunner(ActionAttempts attempts, ActionHistory history, ActionInputs inputs, ActionAttemptLog attemptLog,
                 PlatformTransactionManager transactions) {
        this.attempts = attempts;
        this.history = history;
        this.inputs = inputs;
        this.attemptLog = attemptLog;
        this.attemptScope = new TransactionTemplate(transactions);
        this.attemptScope.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    <P extends Record> void run(Action<P> action, DelegateExecution execution) {
        ActionAttempt attempt = attempts.current(execution);
        P parameters = action.parameters(execution::getVariableLocal);
        // Written with the attempt's outcome, in the same transaction (an attempt that rolls back never kept them).
        run(action, attempt, parameters, AttemptOrigin.FLOW, List.of(inputs.insert(attempt, parameters)));
    }

    /**
     * One attempt with parameters already known: the flow's (above), or the stored original inputs of a retry or a
     * resend ({@link ActionReruns}). Every attempt is written to the attempt log.
     */
    <P extends Record> void run(Action<P> action, ActionAttempt attempt, P parameters, AttemptOrigin origin) {
        run(action, attempt, parameters, origin, List.of());
    }

    /** {@code alongside}: what else the projection writes with the attempt's outcome (the execution's inputs). */
    private <P extends Record> void run(Action<P> action, ActionAttempt attempt, P parameters, AttemptOrigin origin,
                                        List<ProjectionWrite> alongside) {
        attemptLog.started(attempt, origin);
        HistoryRow row = new HistoryRow();
        try {
            attemptScope.executeWithoutResult(status -> action.execute(attempt, parameters, row));
            history.recordSucceeded(action, attempt, row,
                    with(alongside, attemptLog.ended(attempt, row.succeededAs(), row.note())));
        } catch (ActionFailure failure) {
            if (failure.isTransient() && !attempt.lastAttempt()) {
                log.info("Action {} {} attempt {} failed, will retry: {}", action.name(), attempt.executionKey(),
                        attempt.attemptNumber(), failure.getMessage());
                ActionHistory.retrying(attempt.executionKey(), failure.reason());
                throw failure;
            }
            log.warn("Action {} {} failed after attempt {}: {}", action.name(), attempt.executionKey(),
                    attempt.attemptNumber(), failure.getMessage());
            history.recordFailed(action, attempt, row, failure.reason(),
                    with(alongside, attemptLog.ended(attempt, ActionStatus.FAILED, failure.reason())));
        } catch (RuntimeException bug) {
            if (!attempt.lastAttempt()) {
                log.warn("Action {} {} attempt {} failed with an unexpected error, will retry: {}", action.name(),
                        attempt.executionKey(), attempt.attemptNumber(), bug.toString());
                ActionHistory.retrying(attempt.executionKey(), Reason.unexpected(bug));
                throw bug;
            }
            log.error("Action {} {} failed for good after attempt {} with an unexpected error", action.name(),
                    attempt.executionKey(), attempt.attemptNumber(), bug);
            Reason reason = Reason.unexpected(bug);
            history.recordFailed(action, attempt, row, reason,
                    with(alongside, attemptLog.ended(attempt, ActionStatus.FAILED, reason)));
        }
    }

    private static List<ProjectionWrite> with(List<ProjectionWrite> alongside, ProjectionWrite attemptRow) {
        List<ProjectionWrite> writes = new ArrayList<>(alongside);
        writes.add(attemptRow);
        return writes;
    }
}
