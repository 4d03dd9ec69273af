package com.flowstate.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The wait state of a substate: while it is active, the substate is open.
 *
 * @param substateName the name the BPMN gives the substate
 * @param names        the substate's name per language ({@code it}, {@code en}, {@code es}) where the flow gives one
 *                     ({@code camunda:property name="name_en"} on the substate); may be empty
 */
record SubstateWait(String substateKey, String substateName, Map<String, String> names) {

    SubstateWait {
        names = names == null ? Map.of() : Map.copyOf(names);
    }

    /**
     * The substate's name as a reason's parameter {@code substate}, with its per-language names beside it
     * ({@code substate@en}…), so the reason reads in the reader's language.
     */
    Object[] nameParameters() {
        List<Object> params = new ArrayList<>(List.of("substate", substateName));
        names.forEach((language, name) -> {
            params.add("substate@" + language);
            params.add(name);
        });
        return params.toArray();
    }
}
