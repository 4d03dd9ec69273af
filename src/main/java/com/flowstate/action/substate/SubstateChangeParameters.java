package com.flowstate.action.substate;

/**
 * The input parameters of an Open / close substate task, as the service task gives them (not yet checked).
 *
 * @param changeType     OPEN or CLOSE
 * @param targetSubstate key of the substate to open or close, e.g. {@code DocumentsValidation}
 */
public record SubstateChangeParameters(String changeType, String targetSubstate) {
}
