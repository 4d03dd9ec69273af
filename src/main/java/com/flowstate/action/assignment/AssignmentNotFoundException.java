package com.flowstate.action.assignment;

/** No such assignment, or not one the user's company may see: the API answers 404 either way. */
public class AssignmentNotFoundException extends RuntimeException {

    public AssignmentNotFoundException(long id) {
        super("Assignment " + id + " not found");
    }
}
