package com.flowstate.action.assignment;

/**
 * The input parameters of an Assign installer / seller task.
 *
 * @param role INSTALLER or SELLER (any case)
 */
public record AssignmentParameters(String role) {
}
