package com.flowstate.action.substate;

/** The parameters of one Open / close substate execution, as the service task gives them (not yet checked). */
public record SubstateChangeRequest(String changeType, String targetSubstate) {
}
