package com.flowstate.flow;

import java.util.Locale;

/** A substate of a flow: its key (the sub-process id without {@code Substate_}) and its display name. */
public record Substate(String key, String name) {

    /** The name in the reader's language when the flow gives one ({@link SubstateNames}), else the BPMN name. */
    public String name(Locale locale) {
        return SubstateNames.localized(key, name, locale);
    }
}
