package com.flowstate.opportunity.ui;

import java.util.function.UnaryOperator;

import com.flowstate.opportunity.OpportunityType;

/** How the UI names an opportunity type: in the user's language when the bundles know it, else as configured. */
final class OpportunityTypes {

    private static final String KEY_PREFIX = "opportunity.type.";

    private OpportunityTypes() {
    }

    static String label(OpportunityType type, UnaryOperator<String> translate) {
        String key = KEY_PREFIX + type.key();
        String translated = translate.apply(key);
        return translated == null || translated.isBlank() || translated.contains(key) ? type.name() : translated;
    }
}
