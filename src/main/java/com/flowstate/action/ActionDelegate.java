package com.flowstate.action;

import java.util.Set;

import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The BPMN glue of an action: a Spring bean a service task names in its delegate expression. It declares the input
 * parameters it reads, so the Modeler element templates can be checked against it.
 */
public interface ActionDelegate extends JavaDelegate {

    /** Names of the service task's input parameters this action reads. */
    Set<String> inputParameters();
}
