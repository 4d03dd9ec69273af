package com.flowstate.flow;

/** A manual substate change that cannot be made in the opportunity's current state; the message says why. */
public class SubstateChangeException extends RuntimeException {

    /** {@code CONCURRENT_CHANGE}: the flow moved at the same moment (a timer fired, another user): try again. */
    public enum Reason { UNKNOWN_SUBSTATE, NOT_OPEN, ALREADY_OPEN, CONCURRENT_CHANGE }

    private final Reason reason;

    SubstateChangeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
