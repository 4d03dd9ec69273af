package com.flowstate.opportunity.ui;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;

import com.flowstate.opportunity.OpportunityType;

/**
 * How the UI names an opportunity type: in the user's language when the bundles know it and an admin has not renamed
 * it (its name is still the seed's, the Italian text), else as configured.
 */
final class OpportunityTypes {

    private static final String KEY_PREFIX = "opportunity.type.";

    private OpportunityTypes() {
    }

    static String label(OpportunityType type, UnaryOperator<String> translate) {
        String key = KEY_PREFIX + type.key();
        if (!type.name().equals(seedName(key))) {
            return type.name();
        }
        String translated = translate.apply(key);
        return translated == null || translated.isBlank() || translated.contains(key) ? type.name() : translated;
    }

    /** The seeded types' names are the Italian texts (V11__opportunity_types_and_flows.sql). */
    private static String seedName(String key) {
        try {
            return ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ITALIAN).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
