package com.flowstate.action.activity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kinds of work an activity asks for. Stored by name; the UI shows them through the {@code activity.type.*}
 * translation keys.
 */
public enum ActivityType {
    CALL, VISIT, TECHNICAL_SURVEY, DOCUMENT_REQUEST, FOLLOW_UP;

    /** The type a designer or an API client wrote, ignoring case and surrounding blanks. */
    public static Optional<ActivityType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normalized = name.strip().toUpperCase();
        return Arrays.stream(values()).filter(type -> type.name().equals(normalized)).findFirst();
    }
}
