package com.flowstate.flow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/** Tells the action runner which execution and which attempt a delegate call is. */
@Component
public class ActionAttempts {

    private final int attempts;
    private final RunningJobs runningJobs;

    ActionAttempts(ActionProperties properties, RunningJobs runningJobs) {
        this.attempts = properties.attempts();
        this.runningJobs = runningJobs;
    }

    /**
     * The attempt running in this delegate call, the only one of its job running anywhere (see {@link RunningJobs});
     * the action must be modelled asynchronous-before.
     */
    public ActionAttempt current(DelegateExecution execution) {
        ExecutionEntity entity = (ExecutionEntity) execution;
        if (!(entity.getActivity().getProperty(FlowModelParseListener.ACTION_PROPERTY) instanceof ActionDefinition action)) {
            throw new IllegalStateException("Activity " + execution.getCurrentActivityId() + " is not an action");
        }
        JobEntity job = Context.getCommandContext().getCurrentJob();
        if (job == null) {
            throw new IllegalStateException("Action " + action.activityId() + " must run as an asynchronous job");
        }
        runningJobs.claim(job);
        // Camunda sets the retries from the cycle only at the first failure; before that the job has the default.
        boolean failedBefore = job.getExceptionMessage() != null || job.getExceptionByteArrayId() != null;
        int remaining = failedBefore ? job.getRetries() : attempts;
        return new ActionAttempt(job.getId(), Opportunities.ofBusinessKey(execution.getProcessBusinessKey()),
                execution.getProcessInstanceId(), action, attempts - remaining + 1, remaining <= 1);
    }
}
