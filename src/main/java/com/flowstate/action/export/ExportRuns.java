package com.flowstate.action.export;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.ActionAttempts;
import com.flowstate.flow.ActionProperties;

/**
 * Tells the Export action which execution and attempt it is running. In an opportunity's flow that is
 * {@link ActionAttempts}; a scheduled export runs in a process a timer started, which has no business key (no
 * opportunity), so its attempt is read from the engine's job the same way.
 */
@Component
class ExportRuns {

    private final ActionAttempts attempts;
    private final int attemptsInAll;

    ExportRuns(ActionAttempts attempts, ActionProperties properties) {
        this.attempts = attempts;
        this.attemptsInAll = properties.attempts();
    }

    ExportRun current(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        if (businessKey != null && !businessKey.isEmpty() && businessKey.chars().allMatch(Character::isDigit)) {
            ActionAttempt attempt = attempts.current(execution);
            return new ExportRun(attempt.executionKey(), attempt.opportunityId(), execution.getProcessInstanceId(),
                    execution.getCurrentActivityId(), attempt.attemptNumber(), attempt.lastAttempt());
        }
        JobEntity job = Context.getCommandContext().getCurrentJob();
        if (job == null) {
            throw new IllegalStateException("Action " + execution.getCurrentActivityId()
                    + " must run as an asynchronous job");
        }
        // As in ActionAttempts: the engine sets the retries from the cycle only at the first failure.
        boolean failedBefore = job.getExceptionMessage() != null || job.getExceptionByteArrayId() != null;
        int remaining = failedBefore ? job.getRetries() : attemptsInAll;
        return new ExportRun(job.getId(), null, execution.getProcessInstanceId(), execution.getCurrentActivityId(),
                attemptsInAll - remaining + 1, remaining <= 1);
    }
}
