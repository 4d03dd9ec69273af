package com.flowstate.flow;

import org.camunda.bpm.engine.ProcessEngineException;

/** A flow that breaks the substate contract; the deployment is refused with a message naming the element. */
public class FlowModelException extends ProcessEngineException {

    FlowModelException(String elementId, String problem) {
        super("Element '" + elementId + "': " + problem);
    }
}
