package com.flowstate.action.assignment;

/** The parameters of one Assign installer / seller action, as the service task's input parameters give them. */
public record AssignmentRequest(String role) {
}
