package com.flowstate.flow;

/** A manual substate change that cannot be made in the opportunity's current state; the message says why. */
public class SubstateChangeException extends RuntimeException {

    public enum Reason { UNKNOWN_SUBSTATE, NOT_OPEN, ALREADY_OPEN }

    private final Reason reason;

    SubstateChangeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
