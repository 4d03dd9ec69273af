package com.flowstate.flow;

/** What a substate change does to its substate: opens it or closes it. */
public enum SubstateChangeType {
    OPEN, CLOSE
}
