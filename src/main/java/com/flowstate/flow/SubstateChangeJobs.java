package com.flowstate.flow;

import java.util.Optional;

import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.EventSubscriptionDeclaration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.springframework.stereotype.Component;

import com.flowstate.i18n.Reason;

/**
 * Opens or closes another substate of the flow an action runs in. The action only schedules the change: a job of
 * its own makes it once the action's transaction has committed, because an activity that changes its own process
 * instance from inside its delegate is undefined behaviour in Camunda 7 (see docs/decisions/0007). The job is
 * stored with the action's outcome, so it survives a crash; the job executor runs it exclusively with the instance's
 * other jobs and retries it; {@link SubstateChangeFinished} says how it ended.
 */
@Component
public class SubstateChangeJobs {

    /** Job handler type of the follow-up jobs, as Cockpit shows it. */
    static final String TYPE = "flowstate-substate-change";

    /**
     * Schedules the change of a substate of the action's own flow instance, for right after the action commits.
     * Whether the target is open is decided when the change is made, not now: by then it may have changed.
     *
     * @return the target substate, with the name users see
     * @throws SubstateChangeException with {@code UNKNOWN_SUBSTATE} when the flow has no substate with that key
     * @throws IllegalStateException   when not called from an action's job
     */
    public Substate schedule(ActionAttempt attempt, SubstateChangeType type, String targetKey) {
        CommandContext context = Context.getCommandContext();
        JobEntity actionJob = context == null ? null : context.getCurrentJob();
        if (actionJob == null || !attempt.executionKey().equals(actionJob.getId())) {
            throw new IllegalStateException("A substate change is scheduled from the job of the action that asks for it");
        }
        ExecutionEntity instance = context.getExecutionManager().findExecutionById(actionJob.getProcessInstanceId());
        ProcessDefinitionEntity definition = instance.getProcessDefinition();
        SubstateWait target = waitState(definition, targetKey)
                .map(wait -> (SubstateWait) wait.getProperty(FlowModelParseListener.SUBSTATE_WAIT_PROPERTY))
                .orElseThrow(() -> new SubstateChangeException(SubstateChangeException.Reason.UNKNOWN_SUBSTATE,
                        Reason.of("substate.unknown", "substate", targetKey)));

        MessageEntity job = new MessageEntity();
        job.setJobHandlerType(TYPE);
        job.setJobHandlerConfiguration(new SubstateChangeJobHandler.Change(attempt.executionKey(),
                attempt.action().activityId(), type, target.substateKey()));
        // Owned by the process instance, not by the action's execution, which may be gone when the job runs.
        job.setExecution(instance);
        job.setProcessDefinitionId(definition.getId());
        job.setProcessDefinitionKey(definition.getKey());
        job.setDeploymentId(definition.getDeploymentId());
        job.setTenantId(instance.getTenantId());
        context.getJobManager().send(job);
        return new Substate(target.substateKey(), target.substateName());
    }

    /** The wait state of the substate with this key, if the flow has such a substate. */
    static Optional<ActivityImpl> waitState(ProcessDefinitionEntity definition, String substateKey) {
        if (substateKey == null || substateKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(definition.findActivity(FlowModelParseListener.SUBSTATE_PREFIX + substateKey))
                .flatMap(substate -> substate.getActivities().stream()
                        .filter(child -> child.getProperty(FlowModelParseListener.SUBSTATE_WAIT_PROPERTY) != null)
                        .findFirst());
    }

    static boolean isUserTask(ActivityImpl wait) {
        return "userTask".equals(wait.getProperties().get(BpmnProperties.TYPE));
    }

    /** The message a receive-task wait state waits for, as {@link FlowService} correlates it. */
    static String closeMessageOf(ActivityImpl wait) {
        return EventSubscriptionDeclaration.getDeclarationsForScope(wait.getEventScope()).values().stream()
                .filter(declaration -> wait.getId().equals(declaration.getActivityId()))
                .map(EventSubscriptionDeclaration::getUnresolvedEventName)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Wait state " + wait.getId() + " has no message"));
    }
}
