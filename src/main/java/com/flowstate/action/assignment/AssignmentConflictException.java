package com.flowstate.action.assignment;

/** The offer is no longer open to a decision (already decided the other way, or the opportunity moved on). */
public class AssignmentConflictException extends RuntimeException {

    public AssignmentConflictException(String message) {
        super(message);
    }
}
