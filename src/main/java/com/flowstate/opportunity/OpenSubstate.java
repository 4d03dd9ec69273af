package com.flowstate.opportunity;

import java.time.Instant;
import java.util.Locale;

import com.flowstate.flow.SubstateNames;

/** A substate that is open on an opportunity now. */
public record OpenSubstate(String key, String name, Instant openedAt) {

    /** The name in the reader's language when the flow gives one, else the BPMN name. */
    public String name(Locale locale) {
        return SubstateNames.localized(key, name, locale);
    }
}
