package com.flowstate.directory;

/** Checks of the text an admin types: required or not, not too long, no control characters (NUL breaks SQL). */
final class Text {

    private Text() {
    }

    static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw new InvalidInputException(field, "admin.error.required", "is required");
        }
        return text;
    }

    /** The text stripped, or null when empty. */
    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidInputException(field, "admin.error.tooLong", "is longer than " + max + " characters",
                    max);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "admin.error.control", "contains a control character");
        }
        return text;
    }

    /** A value as it may appear in a message: one line, at most 20 characters. */
    static String printable(String text) {
        String shown = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 20 ? shown.substring(0, 20) + "…" : shown;
    }
}
