package com.flowstate.flow;

import java.util.List;
import java.util.Set;

/**
 * What the engine needs to know of the automatic actions when it reads a flow: which beans are actions and what
 * each finds wrong with a service task that uses it. The action module implements it once over every action it
 * has; the engine never names an action.
 */
public interface FlowActions {

    /** Whether the bean a service task's {@code ${bean}} delegate expression names is an automatic action. */
    boolean isAction(String beanName);

    /** The names of every action, for a message that lists them. */
    Set<String> names();

    /** Problems visible in the model alone (a missing parameter, a value outside a list, an unknown substate). */
    List<String> modelProblems(ActionDefinition action, Set<String> substateKeys);

    /**
     * Problems with configured data the action refers to (templates, SMTP accounts). They refuse a deployment made
     * through the API or Camunda Modeler; for the flows deployed from {@code bpmn/} at start they are logged, since
     * a fresh installation has no data yet.
     */
    List<String> dataProblems(ActionDefinition action);
}
