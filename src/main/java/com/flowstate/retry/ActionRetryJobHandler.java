package com.flowstate.retry;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.ObjectProvider;

import com.flowstate.action.AttemptOrigin;

/**
 * Runs one attempt of a retry or a resend ({@link RetryRunner}). Which attempt is the last is read off the job the
 * way the flow's action jobs read it ({@code flow.ActionAttempts}): the engine sets the retries from the cycle only
 * at the first failure.
 */
final class ActionRetryJobHandler implements JobHandler<ActionRetryJobHandler.Rerun> {

    private final ObjectProvider<RetryRunner> runner;
    private final int attempts;

    ActionRetryJobHandler(ObjectProvider<RetryRunner> runner, int attempts) {
        this.runner = runner;
        this.attempts = attempts;
    }

    @Override
    public String getType() {
        return ActionRetryJobs.TYPE;
    }

    @Override
    public void execute(Rerun rerun, ExecutionEntity execution, CommandContext context, String tenantId) {
        JobEntity job = context.getCurrentJob();
        boolean failedBefore = job.getExceptionMessage() != null || job.getExceptionByteArrayId() != null;
        int remaining = failedBefore ? job.getRetries() : attempts;
        runner.getObject().run(rerun, remaining <= 1);
    }

    @Override
    public Rerun newConfiguration(String canonicalString) {
        return Rerun.parse(canonicalString);
    }

    @Override
    public void onDelete(Rerun configuration, JobEntity jobEntity) {
        // Nothing to undo: a deleted retry job leaves its row as the last attempt left it.
    }

    /** The job's configuration: which execution, why, who asked, in which batch (if any). */
    record Rerun(String executionKey, AttemptOrigin.Kind kind, String requestedBy, Long batchId)
            implements JobHandlerConfiguration {

        Rerun {
            if (executionKey == null || executionKey.contains("\n") || (requestedBy != null
                    && requestedBy.contains("\n"))) {
                throw new IllegalArgumentException("Invalid retry job: " + executionKey);
            }
        }

        AttemptOrigin origin() {
            return new AttemptOrigin(kind, requestedBy);
        }

        @Override
        public String toCanonicalString() {
            return String.join("\n", executionKey, kind.name(), requestedBy == null ? "" : requestedBy,
                    batchId == null ? "" : batchId.toString());
        }

        static Rerun parse(String canonical) {
            String[] parts = canonical.split("\n", -1);
            return new Rerun(parts[0], AttemptOrigin.Kind.valueOf(parts[1]), parts[2].isEmpty() ? null : parts[2],
                    parts[3].isEmpty() ? null : Long.valueOf(parts[3]));
        }
    }
}
