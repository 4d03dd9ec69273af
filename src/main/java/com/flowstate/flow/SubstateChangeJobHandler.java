package com.flowstate.flow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;

import com.flowstate.i18n.Reason;

/**
 * Makes a substate change an action scheduled ({@link SubstateChangeJobs}), in its own job: like a user's change
 * through {@link FlowService}, but run by the job executor. The target's state is checked first, on the engine's
 * own activity tree, the way {@link FlowService} checks it: a close needs the target's wait state active, an open
 * needs the target not active at all. A refusal is an outcome, not an error, so it never throws: an exception from a
 * nested engine call would mark the job's transaction rollback-only.
 */
final class SubstateChangeJobHandler implements JobHandler<SubstateChangeJobHandler.Change> {

    private final ApplicationEventPublisher events;

    SubstateChangeJobHandler(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public String getType() {
        return SubstateChangeJobs.TYPE;
    }

    @Override
    public void execute(Change change, ExecutionEntity instance, CommandContext context, String tenantId) {
        JobEntity job = context.getCurrentJob();
        ProcessEngineConfigurationImpl engine = context.getProcessEngineConfiguration();
        ProcessDefinitionEntity definition = engine.getDeploymentCache()
                .findDeployedProcessDefinitionById(job.getProcessDefinitionId());
        ActivityImpl wait = SubstateChangeJobs.waitState(definition, change.targetKey())
                .orElseThrow(() -> new IllegalStateException("Flow " + definition.getId() + " has no substate "
                        + change.targetKey()));
        SubstateWait target = (SubstateWait) wait.getProperty(FlowModelParseListener.SUBSTATE_WAIT_PROPERTY);
        String processInstanceId = job.getProcessInstanceId();

        Reason refusal = refusal(change, engine.getRuntimeService().getActivityInstance(processInstanceId), wait,
                target);
        if (refusal == null) {
            // The change may end the process instance, which deletes the jobs it owns; this one is deleted when done.
            job.setExecution(null);
            make(change, processInstanceId, wait, engine.getRuntimeService(), engine.getTaskService());
        }
        events.publishEvent(new SubstateChangeFinished(change.executionKey(), change.type(), target.substateKey(),
                target.substateName(), refusal, ClockUtil.getCurrentTime().toInstant()));
    }

    private static Reason refusal(Change change, ActivityInstance tree, ActivityImpl wait, SubstateWait target) {
        if (tree == null) {
            return Reason.of("flow.ended");
        }
        return switch (change.type()) {
            case CLOSE -> tree.getActivityInstances(wait.getId()).length == 0
                    ? Reason.of("substate.notOpen", target.nameParameters()) : null;
            case OPEN -> tree.getActivityInstances(FlowModelParseListener.SUBSTATE_PREFIX + change.targetKey()).length > 0
                    ? Reason.of("substate.alreadyOpen", target.nameParameters()) : null;
        };
    }

    private static void make(Change change, String processInstanceId, ActivityImpl wait, RuntimeService runtime,
                             TaskService tasks) {
        switch (change.type()) {
            case CLOSE -> {
                if (SubstateChangeJobs.isUserTask(wait)) {
                    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId)
                            .taskDefinitionKey(wait.getId()).singleResult();
                    tasks.complete(task.getId());
                } else {
                    runtime.createMessageCorrelation(SubstateChangeJobs.closeMessageOf(wait))
                            .processInstanceId(processInstanceId).correlateWithResult();
                }
            }
            case OPEN -> runtime.createProcessInstanceModification(processInstanceId)
                    .startBeforeActivity(FlowModelParseListener.SUBSTATE_PREFIX + change.targetKey()).execute();
        }
    }

    @Override
    public Change newConfiguration(String canonicalString) {
        return Change.parse(canonicalString);
    }

    /** Deleted without running (the flow ended or was cancelled first): the change will never be made. */
    @Override
    public void onDelete(Change change, JobEntity job) {
        JobEntity running = Context.getCommandContext().getCurrentJob();
        if (running != null && running.getId().equals(job.getId())) {
            return;
        }
        events.publishEvent(new SubstateChangeFinished(change.executionKey(), change.type(), change.targetKey(), null,
                Reason.of("substate.changeCancelled"),
                ClockUtil.getCurrentTime().toInstant()));
    }

    /** The job's configuration: which action execution asked for which change. */
    record Change(String executionKey, String activityId, SubstateChangeType type, String targetKey)
            implements JobHandlerConfiguration {

        Change {
            for (String part : new String[] {executionKey, activityId, targetKey}) {
                if (part == null || part.contains("\n")) {
                    throw new IllegalArgumentException("Invalid substate change: " + part);
                }
            }
        }

        @Override
        public String toCanonicalString() {
            return String.join("\n", executionKey, activityId, type.name(), targetKey);
        }

        static Change parse(String canonical) {
            String[] parts = canonical.split("\n", 4);
            return new Change(parts[0], parts[1], SubstateChangeType.valueOf(parts[2]), parts[3]);
        }
    }
}
