package com.flowstate.action.substate;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.flowstate.action.ActionDelegate;
import com.flowstate.flow.ActionAttempts;

/**
 * BPMN glue of the Open / close substate action ({@code camunda:delegateExpression="${changeSubstateAction}"}):
 * reads the service task's input parameters and lets {@link SubstateChangeActionService} do the work.
 */
@Component("changeSubstateAction")
public class ChangeSubstateAction implements ActionDelegate {

    /** Input parameter: OPEN or CLOSE. */
    public static final String CHANGE_TYPE = "changeType";
    /** Input parameter: key of the substate to open or close, e.g. {@code DocumentsValidation}. */
    public static final String TARGET_SUBSTATE = "targetSubstate";

    private final ActionAttempts attempts;
    private final SubstateChangeActionService changes;

    ChangeSubstateAction(ActionAttempts attempts, SubstateChangeActionService changes) {
        this.attempts = attempts;
        this.changes = changes;
    }

    @Override
    public Set<String> inputParameters() {
        return Set.of(CHANGE_TYPE, TARGET_SUBSTATE);
    }

    @Override
    public void execute(DelegateExecution execution) {
        changes.change(attempts.current(execution),
                new SubstateChangeRequest(text(execution, CHANGE_TYPE), text(execution, TARGET_SUBSTATE)));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariableLocal(name);
        return value == null ? null : value.toString();
    }
}
