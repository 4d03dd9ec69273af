package com.flowstate.action.activity;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.flowstate.action.ActionFailure;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.opportunity.Opportunity;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;

/**
 * Fills an activity's subject with JMustache, with the variables the e-mail templates know
 * ({@code {{customer.name}}}, {@code {{opportunity.city}}}…). A missing value renders empty; a broken subject fails
 * the execution with its reason.
 */
@Component
class ActivitySubjects {

    private final Mustache.Compiler compiler = Mustache.compiler().defaultValue("").withEscaper(Escapers.NONE);

    String render(String subject, Opportunity opportunity, ActionDefinition action) {
        try {
            return compiler.compile(subject).execute(context(opportunity, action)).strip();
        } catch (MustacheException e) {
            throw ActionFailure.permanent("The subject cannot be rendered: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> context(Opportunity opportunity, ActionDefinition action) {
        Map<String, Object> context = new HashMap<>();
        context.put("opportunity", Map.of(
                "id", opportunity.id(),
                "name", opportunity.name(),
                "street", nullToEmpty(opportunity.street()),
                "city", nullToEmpty(opportunity.city()),
                "postalCode", opportunity.postalCode(),
                "province", opportunity.province()));
        context.put("customer", Map.of(
                "name", opportunity.customerName(),
                "email", nullToEmpty(opportunity.customerEmail()),
                "phone", nullToEmpty(opportunity.customerPhone())));
        context.put("installer", Map.of("name", nullToEmpty(opportunity.installerName())));
        context.put("seller", Map.of("name", nullToEmpty(opportunity.sellerName())));
        context.put("owner", Map.of("name", nullToEmpty(opportunity.ownerName())));
        context.put("substate", Map.of("key", nullToEmpty(action.substateKey()),
                "name", nullToEmpty(action.substateName())));
        context.put("trigger", action.trigger().name());
        return context;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
