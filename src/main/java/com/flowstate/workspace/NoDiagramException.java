package com.flowstate.workspace;

/** The opportunity runs no flow the engine knows (it predates flows, or its flow's history was removed). */
public class NoDiagramException extends RuntimeException {

    NoDiagramException(long opportunityId) {
        super("Opportunity " + opportunityId + " has no flow diagram");
    }
}
