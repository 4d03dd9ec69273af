package com.flowstate.directory;

/**
 * Input an admin view or the REST API refused, naming the field: the REST API answers 400 with the field, the views
 * show the translated reason at it.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;
    private final String reasonKey;
    private final transient Object[] arguments;

    InvalidInputException(String field, String reasonKey, String message, Object... arguments) {
        super(field + ": " + message);
        this.field = field;
        this.reasonKey = reasonKey;
        this.arguments = arguments;
    }

    /** The field as the REST API names it ({@code name}, {@code provinces}, {@code roles}…). */
    public String field() {
        return field;
    }

    /** Translation key of the reason, for the views. */
    public String reasonKey() {
        return reasonKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
