package com.flowstate.action;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.ActionAttempts;

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
 * Anything else an action throws is a bug: the engine retries it and shows an incident in Cockpit.
 */
@Component
public class ActionRunner {

    private static final Logger log = LoggerFactory.getLogger(ActionRunner.class);

    private final ActionAttempts attempts;
    private final ActionHistory history;

    ActionRunner(ActionAttempts attempts, ActionHistory history) {
        this.attempts = attempts;
        this.history = history;
    }

    <P extends Record> void run(Action<P> action, DelegateExecution execution) {
        ActionAttempt attempt = attempts.current(execution);
        P parameters = action.parameters(execution::getVariableLocal);
        HistoryRow row = new HistoryRow();
        try {
            action.execute(attempt, parameters, row);
            history.recordSucceeded(action, attempt, row);
        } catch (ActionFailure failure) {
            if (failure.isTransient() && !attempt.lastAttempt()) {
                log.info("Action {} {} attempt {} failed, will retry: {}", action.name(), attempt.executionKey(),
                        attempt.attemptNumber(), failure.getMessage());
                throw failure;
            }
            log.warn("Action {} {} failed after attempt {}: {}", action.name(), attempt.executionKey(),
                    attempt.attemptNumber(), failure.getMessage());
            history.recordFailed(action, attempt, row, failure.getMessage());
        }
    }
}
