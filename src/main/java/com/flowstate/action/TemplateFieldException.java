package com.flowstate.action;

import java.util.List;

import com.flowstate.i18n.Reason;

/**
 * An admin's template (report or export) cannot be saved because of one field's value: the form shows the reason at
 * that field in the reader's language, REST answers 400 naming the field. Its message is the English text.
 *
 * @see Reason
 */
public class TemplateFieldException extends IllegalArgumentException {

    private final String field;
    private final transient Reason reason;

    public TemplateFieldException(String field, Reason reason) {
        super(reason.text());
        this.field = field;
        this.reason = reason;
    }

    public TemplateFieldException(String field, String code, Object... namesAndValues) {
        this(field, Reason.of(code, namesAndValues));
    }

    /** The field's name as REST and the form call it, e.g. {@code scheduleCron}. */
    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Refuses text an admin form never produces: longer than {@code maxLength}, or with control characters (a NUL
     * byte, which PostgreSQL cannot store, among them).
     */
    public static void requireText(String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            throw new TemplateFieldException(field, "template.tooLong", "max", maxLength);
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new TemplateFieldException(field, "template.controlCharacter");
        }
    }

    /** As {@link #requireText} for each value of a list field. */
    public static void requireTexts(String field, List<String> values, int maxLength) {
        if (values != null) {
            values.forEach(value -> requireText(field, value, maxLength));
        }
    }
}
