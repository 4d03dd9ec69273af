package com.flowstate.action.activity;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.flowstate.action.ActionDelegate;
import com.flowstate.flow.ActionAttempts;

/**
 * BPMN glue of the Create activity action ({@code camunda:delegateExpression="${createActivityAction}"}): reads
 * the service task's input parameters and lets {@link ActivityActionService} do the work.
 */
@Component("createActivityAction")
public class CreateActivityAction implements ActionDelegate {

    /** Input parameter: CALL, VISIT, TECHNICAL_SURVEY, DOCUMENT_REQUEST or FOLLOW_UP. */
    public static final String ACTIVITY_TYPE = "activityType";
    /** Input parameter: the subject, Mustache like the e-mail templates ({@code {{customer.name}}}). */
    public static final String SUBJECT = "subject";
    /** Input parameter: the activity is due this many days after the action runs (0 = the same day). */
    public static final String DUE_IN_DAYS = "dueInDays";
    /** Input parameter: INTERNAL_USER, INSTALLER or SELLER. */
    public static final String ASSIGNEE_ROLE = "assigneeRole";

    private final ActionAttempts attempts;
    private final ActivityActionService activities;

    CreateActivityAction(ActionAttempts attempts, ActivityActionService activities) {
        this.attempts = attempts;
        this.activities = activities;
    }

    @Override
    public Set<String> inputParameters() {
        return Set.of(ACTIVITY_TYPE, SUBJECT, DUE_IN_DAYS, ASSIGNEE_ROLE);
    }

    @Override
    public void execute(DelegateExecution execution) {
        activities.create(attempts.current(execution), new ActivityRequest(
                text(execution, ACTIVITY_TYPE), text(execution, SUBJECT), text(execution, DUE_IN_DAYS),
                text(execution, ASSIGNEE_ROLE)));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariableLocal(name);
        return value == null ? null : value.toString();
    }
}
