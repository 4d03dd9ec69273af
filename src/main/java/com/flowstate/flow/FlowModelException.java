package com.flowstate.flow;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A flow that breaks the substate contract or refers to something that does not exist. Thrown while parsing, it
 * becomes one of the deployment's parse errors: the deployment is refused with a message naming the element, and the
 * engine REST API (Camunda Modeler's deploy) answers 400 with it.
 */
public class FlowModelException extends BpmnParseException {

    /**
     * @param xml the element to point at (line, column): the offending one, or its process
     */
    FlowModelException(String elementId, String problem, Element xml) {
        super("Element '" + elementId + "': " + problem, xml);
    }
}
