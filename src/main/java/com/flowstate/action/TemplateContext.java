package com.flowstate.action;

import java.util.HashMap;
import java.util.Map;

import com.flowstate.flow.ActionDefinition;
import com.flowstate.opportunity.Opportunity;

/**
 * The variables an action's Mustache texts see (an e-mail template, an activity's subject): {@code opportunity},
 * {@code customer}, {@code installer}, {@code seller}, {@code owner}, {@code substate} and {@code trigger}, as README
 * lists them for designers. A value the opportunity does not have is empty, never missing.
 */
public final class TemplateContext {

    private TemplateContext() {
    }

    public static Map<String, Object> of(Opportunity opportunity, ActionDefinition action) {
        Map<String, Object> context = new HashMap<>();
        context.put("opportunity", Map.of(
                "id", opportunity.id(),
                "name", opportunity.name(),
                "street", text(opportunity.street()),
                "city", text(opportunity.city()),
                "postalCode", opportunity.postalCode(),
                "province", opportunity.province()));
        context.put("customer", Map.of(
                "name", opportunity.customerName(),
                "email", text(opportunity.customerEmail()),
                "phone", text(opportunity.customerPhone())));
        context.put("installer", person(opportunity.installerName(), opportunity.installerEmail()));
        context.put("seller", person(opportunity.sellerName(), opportunity.sellerEmail()));
        context.put("owner", person(opportunity.ownerName(), opportunity.ownerEmail()));
        context.put("substate", Map.of("key", text(action.substateKey()), "name", text(action.substateName())));
        context.put("trigger", action.trigger().name());
        return context;
    }

    private static Map<String, String> person(String name, String email) {
        return Map.of("name", text(name), "email", text(email));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
