package com.flowstate.action.activity;


import org.springframework.stereotype.Component;

import com.flowstate.action.ActionFailure;
import com.flowstate.action.TemplateContext;
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

    /** Whether a subject needs no filling in: it reads the same before and after rendering. */
    static boolean isPlain(String subject) {
        return subject == null || !subject.contains("{{");
    }

    String render(String subject, Opportunity opportunity, ActionDefinition action) {
        try {
            return compiler.compile(subject).execute(TemplateContext.of(opportunity, action)).strip();
        } catch (MustacheException e) {
            throw ActionFailure.permanent(e, "activity.subjectNotRendered", "error", e.getMessage());
        }
    }
}
