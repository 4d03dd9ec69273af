package com.flowstate.action.assignment;

/**
 * Where an offer to a partner company stands. The seed's "status" of the Assignment tab: the company was assigned
 * and has not answered yet, accepted, or rejected (and the opportunity went to the next candidate).
 */
public enum AssignmentStatus {
    PENDING, ACCEPTED, REJECTED
}
