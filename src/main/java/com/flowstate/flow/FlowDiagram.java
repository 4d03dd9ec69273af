package com.flowstate.flow;

import java.util.Map;

/**
 * The BPMN of the flow version an opportunity runs, as deployed, with what a picture of it needs to know.
 *
 * @param processDefinitionId the flow version
 * @param xml                 the deployed BPMN XML, diagram interchange included (what Camunda Modeler saved)
 * @param substateElements    substate key → the id of its sub-process element in the XML
 * @param actionElements      action service task id → the action it runs
 */
public record FlowDiagram(String processDefinitionId, String xml, Map<String, String> substateElements,
                          Map<String, ActionDefinition> actionElements) {

    public FlowDiagram {
        substateElements = Map.copyOf(substateElements);
        actionElements = Map.copyOf(actionElements);
    }
}
