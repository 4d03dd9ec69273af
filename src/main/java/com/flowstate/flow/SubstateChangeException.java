package com.flowstate.flow;

/**
 * A manual substate change that cannot be made in the opportunity's current state. {@link #because()} says why as a
 * reason code with the substate's name, for the reader's language; the message is its English text.
 */
public class SubstateChangeException extends RuntimeException {

    /** {@code CONCURRENT_CHANGE}: the flow moved at the same moment (a timer fired, another user): try again. */
    public enum Reason { UNKNOWN_SUBSTATE, NOT_OPEN, ALREADY_OPEN, CONCURRENT_CHANGE }

    private final Reason reason;
    private final transient com.flowstate.i18n.Reason because;

    SubstateChangeException(Reason reason, com.flowstate.i18n.Reason because) {
        super(because.text());
        this.reason = reason;
        this.because = because;
    }

    public Reason reason() {
        return reason;
    }

    /** Why, as a code and parameters to show in the reader's language. */
    public com.flowstate.i18n.Reason because() {
        return because;
    }
}
