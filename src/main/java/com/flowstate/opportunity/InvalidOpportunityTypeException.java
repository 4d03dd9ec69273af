package com.flowstate.opportunity;

import com.flowstate.i18n.Reason;

/** An opportunity type that cannot be saved: the field at fault and why, in any reader's language. */
public class InvalidOpportunityTypeException extends RuntimeException {

    private final String field;
    private final transient Reason reason;

    InvalidOpportunityTypeException(String field, Reason reason) {
        super(field + ": " + reason.text());
        this.field = field;
        this.reason = reason;
    }

    /** {@code key}, {@code name}, {@code flowKey} or {@code position}. */
    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }
}
