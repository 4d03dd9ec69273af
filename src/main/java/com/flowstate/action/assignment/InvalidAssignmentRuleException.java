package com.flowstate.action.assignment;

import com.flowstate.i18n.Reason;

/**
 * An assignment rule or simulator input that cannot be used: the field at fault and why, in any reader's language.
 *
 * @see AssignmentRuleService
 */
public class InvalidAssignmentRuleException extends RuntimeException {

    private final String field;
    private final transient Reason reason;
    private final Long companyId;

    InvalidAssignmentRuleException(String field, Long companyId, Reason reason) {
        super(field + ": " + reason.text());
        this.field = field;
        this.companyId = companyId;
        this.reason = reason;
    }

    /** The request's field at fault: {@code strategy}, {@code priority}, {@code capacities}, {@code postalCode}… */
    public String field() {
        return field;
    }

    /** The partner the fault is about, when it is about one. */
    public Long companyId() {
        return companyId;
    }

    public Reason reason() {
        return reason;
    }
}
