package com.flowstate.flow;

import java.util.Optional;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/** Reads what {@link FlowModelParseListener} attached to a deployed flow, from the engine's deployment cache. */
final class FlowModel {

    private FlowModel() {
    }

    static Optional<ActionDefinition> action(String processDefinitionId, String activityId) {
        return activity(processDefinitionId, activityId)
                .map(activity -> activity.getProperty(FlowModelParseListener.ACTION_PROPERTY))
                .map(ActionDefinition.class::cast);
    }

    static Optional<SubstateWait> substateWait(String processDefinitionId, String activityId) {
        return activity(processDefinitionId, activityId)
                .map(activity -> activity.getProperty(FlowModelParseListener.SUBSTATE_WAIT_PROPERTY))
                .map(SubstateWait.class::cast);
    }

    /** Must run inside an engine command (a history event handler, a delegate). */
    private static Optional<ActivityImpl> activity(String processDefinitionId, String activityId) {
        if (processDefinitionId == null || activityId == null) {
            return Optional.empty();
        }
        ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(processDefinitionId);
        return Optional.ofNullable(definition.findActivity(activityId));
    }
}
