package com.flowstate.opportunity;

import java.util.List;

/** The languages a customer can read e-mails in, by their ISO 639-1 code; Italian unless chosen. */
public final class CustomerLanguages {

    public static final String DEFAULT = "it";
    /** Italian, English, Spanish: the order the UI lists them in. */
    public static final List<String> ALL = List.of("it", "en", "es");

    private CustomerLanguages() {
    }

    /** The language if it is one of {@link #ALL}, Italian when none is given. */
    public static String orDefault(String language) {
        if (language == null || language.isBlank()) {
            return DEFAULT;
        }
        if (!ALL.contains(language)) {
            throw new IllegalArgumentException("Unknown customer language '" + language + "' (expected " + ALL + ")");
        }
        return language;
    }
}
