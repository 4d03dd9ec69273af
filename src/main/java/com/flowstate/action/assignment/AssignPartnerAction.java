package com.flowstate.action.assignment;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.flowstate.action.ActionDelegate;
import com.flowstate.flow.ActionAttempts;

/**
 * BPMN glue of the Assign installer / seller action ({@code camunda:delegateExpression="${assignPartnerAction}"}):
 * reads the service task's input parameter and lets {@link AssignmentActionService} do the work.
 */
@Component("assignPartnerAction")
public class AssignPartnerAction implements ActionDelegate {

    /** Input parameter: INSTALLER or SELLER. */
    public static final String ROLE = "role";

    private final ActionAttempts attempts;
    private final AssignmentActionService assignments;

    AssignPartnerAction(ActionAttempts attempts, AssignmentActionService assignments) {
        this.attempts = attempts;
        this.assignments = assignments;
    }

    @Override
    public Set<String> inputParameters() {
        return Set.of(ROLE);
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object role = execution.getVariableLocal(ROLE);
        assignments.assign(attempts.current(execution), new AssignmentRequest(role == null ? null : role.toString()));
    }
}
