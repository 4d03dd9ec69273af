package com.flowstate.retry;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.flowstate.action.AttemptOrigin;
import com.flowstate.flow.ActionProperties;

/**
 * Schedules the job of a retry or a resend, in the caller's transaction: the job exists exactly when the row's
 * change to {@code SCHEDULED} committed. The job belongs to no process instance, so running it never touches the
 * flow the action came from; the job executor runs it once, on one node, and retries it on the engine's retry cycle
 * ({@code flowstate.actions.retry-cycle}), like the flow's own action jobs.
 */
@Component
class ActionRetryJobs {

    /** Job handler type, as Cockpit shows it. */
    static final String TYPE = "flowstate-action-retry";

    private final ObjectProvider<ProcessEngineConfigurationImpl> engine;
    private final int attempts;

    ActionRetryJobs(ObjectProvider<ProcessEngineConfigurationImpl> engine, ActionProperties properties) {
        this.engine = engine;
        this.attempts = properties.attempts();
    }

    void schedule(String executionKey, AttemptOrigin origin, Long batchId) {
        var rerun = new ActionRetryJobHandler.Rerun(executionKey, origin.kind(), origin.requestedBy(), batchId);
        engine.getObject().getCommandExecutorTxRequired().execute(context -> {
            MessageEntity job = new MessageEntity();
            job.setJobHandlerType(TYPE);
            job.setJobHandlerConfiguration(rerun);
            // The engine's default is 3; the retry cycle's count is the rule (ActionRetryJobFailures adds its back-off).
            job.setRetries(attempts);
            context.getJobManager().send(job);
            return null;
        });
    }
}
