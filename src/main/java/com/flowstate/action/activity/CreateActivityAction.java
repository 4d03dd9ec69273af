package com.flowstate.action.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.flowstate.action.Action;
import com.flowstate.action.ActionRunner;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;

/**
 * Create activity ({@code ${createActivityAction}}): creates one activity on the opportunity for the holder of a
 * role, through {@link ActivityActionService}. Its history tab is the Activities tab ({@code activity_history}).
 *
 * <p>Its deploy-time checks refuse a designer's typo with the element id instead of failing every execution: a
 * known type and role, a due delay in range, a subject that is valid Mustache. Values given as expressions
 * ({@code ${...}}) are resolved only when the action runs; the action then fails with the same reasons.
 */
@Component
public class CreateActivityAction extends Action<ActivityParameters> {

    CreateActivityAction(ActionRunner runner, ActivityActionService activities) {
        super(ActivityParameters.class, "activity_history", runner, activities::create);
    }

    /**
     * Type, subject and role are known from the model before the first attempt when the designer wrote them
     * literally; an expression is only known once the attempt evaluates it, and a subject with placeholders once
     * the attempt fills it in (a reader never sees the raw {@code {{customer.name}}}).
     */
    @Override
    protected Map<String, Object> scheduledColumns(ActivityParameters parameters) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("activity_type", literal(parameters.activityType()));
        columns.put("subject", ActivitySubjects.isPlain(parameters.subject()) ? literal(parameters.subject()) : null);
        columns.put("assignee_role", literal(parameters.assigneeRole()));
        return columns;
    }

    @Override
    protected List<String> modelProblems(ActivityParameters parameters, Set<String> substateKeys) {
        List<String> problems = new ArrayList<>();
        String type = parameters.activityType();
        if (isLiteral(type) && ActivityType.parse(type).isEmpty()) {
            problems.add("unknown activity type '" + type + "' (expected one of " + List.of(ActivityType.values())
                    + ")");
        }
        String role = parameters.assigneeRole();
        if (isLiteral(role) && AssigneeRole.parse(role).isEmpty()) {
            problems.add("unknown assignee role '" + role + "' (expected one of " + List.of(AssigneeRole.values())
                    + ")");
        }
        String dueInDays = parameters.dueInDays();
        if (isLiteral(dueInDays) && !ActivityActionService.isValidDueInDays(dueInDays)) {
            problems.add("invalid dueInDays '" + dueInDays + "' (expected a whole number of days from 0 to "
                    + ActivityActionService.MAX_DUE_IN_DAYS + ")");
        }
        String subject = parameters.subject();
        if (isLiteral(subject)) {
            try {
                Mustache.compiler().compile(subject);
            } catch (MustacheException e) {
                problems.add("the subject is not valid Mustache: " + e.getMessage());
            }
        }
        return problems;
    }

    /** The timeline line of an execution (see {@link Action#timelineSummary()}). */
    @Override
    protected String timelineSummary() {
        return "h.subject";
    }
}
