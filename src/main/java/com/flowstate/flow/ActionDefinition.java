package com.flowstate.flow;

import java.util.Map;

/**
 * An action as the designer modelled it: which action (the bean name its delegate expression names), where it sits
 * (substate and trigger) and its literal parameters (the service task's input parameters, expressions unevaluated).
 */
public record ActionDefinition(
        String action,
        String activityId,
        String activityName,
        String substateKey,
        String substateName,
        Trigger trigger,
        Map<String, String> parameters) {

    public ActionDefinition {
        parameters = Map.copyOf(parameters);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    ActionDefinition placedIn(String substateKey, String substateName, Trigger trigger) {
        return new ActionDefinition(action, activityId, activityName, substateKey, substateName, trigger, parameters);
    }
}
