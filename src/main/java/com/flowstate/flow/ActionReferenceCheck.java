package com.flowstate.flow;

import java.util.List;
import java.util.Set;

/**
 * What an action contributes to deploy-time validation of a flow. A problem is a sentence naming the bad value; the
 * deployment is refused with it and the element id.
 */
public interface ActionReferenceCheck {

    ActionType type();

    /** Problems visible in the model alone (a value outside a list, a substate the flow does not have). */
    default List<String> modelProblems(ActionDefinition action, Set<String> substateKeys) {
        return List.of();
    }

    /**
     * Problems with configured data the action refers to (templates, SMTP accounts). They refuse a deployment made
     * through the API or Camunda Modeler; for the flows deployed from {@code bpmn/} at start they are logged, since
     * a fresh installation has no data yet.
     */
    default List<String> dataProblems(ActionDefinition action) {
        return List.of();
    }
}
