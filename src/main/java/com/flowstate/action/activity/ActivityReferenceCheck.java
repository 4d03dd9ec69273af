package com.flowstate.action.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionReferenceCheck;
import com.flowstate.flow.ActionType;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;

/**
 * Deploy-time checks of a Create activity task, so a designer's typo is refused with the element id instead of
 * failing every execution: all four parameters present, a known type and role, a due delay in range, a subject that
 * is valid Mustache. Values given as expressions ({@code ${...}}) are resolved only when the action runs; the action
 * then fails with the same reasons.
 */
@Component
class ActivityReferenceCheck implements ActionReferenceCheck {

    @Override
    public ActionType type() {
        return ActionType.ACTIVITY;
    }

    @Override
    public List<String> modelProblems(ActionDefinition action, Set<String> substateKeys) {
        List<String> problems = new ArrayList<>();
        for (String required : List.of(CreateActivityAction.ACTIVITY_TYPE, CreateActivityAction.SUBJECT,
                CreateActivityAction.DUE_IN_DAYS, CreateActivityAction.ASSIGNEE_ROLE)) {
            String value = action.parameter(required);
            if (value == null || value.isBlank()) {
                problems.add("input parameter '" + required + "' is missing");
            }
        }
        String type = action.parameter(CreateActivityAction.ACTIVITY_TYPE);
        if (isLiteral(type) && ActivityType.parse(type).isEmpty()) {
            problems.add("unknown activity type '" + type + "' (expected one of " + List.of(ActivityType.values())
                    + ")");
        }
        String role = action.parameter(CreateActivityAction.ASSIGNEE_ROLE);
        if (isLiteral(role) && AssigneeRole.parse(role).isEmpty()) {
            problems.add("unknown assignee role '" + role + "' (expected one of " + List.of(AssigneeRole.values())
                    + ")");
        }
        String dueInDays = action.parameter(CreateActivityAction.DUE_IN_DAYS);
        if (isLiteral(dueInDays) && !ActivityActionService.isValidDueInDays(dueInDays)) {
            problems.add("invalid dueInDays '" + dueInDays + "' (expected a whole number of days from 0 to "
                    + ActivityActionService.MAX_DUE_IN_DAYS + ")");
        }
        String subject = action.parameter(CreateActivityAction.SUBJECT);
        if (isLiteral(subject)) {
            try {
                Mustache.compiler().compile(subject);
            } catch (MustacheException e) {
                problems.add("the subject is not valid Mustache: " + e.getMessage());
            }
        }
        return problems;
    }

    private static boolean isLiteral(String value) {
        return value != null && !value.isBlank() && !value.contains("${") && !value.contains("#{");
    }
}
