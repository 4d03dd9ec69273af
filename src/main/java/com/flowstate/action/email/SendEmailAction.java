package com.flowstate.action.email;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.flowstate.action.ActionDelegate;
import com.flowstate.flow.ActionAttempts;

/**
 * BPMN glue of the Send e-mail action ({@code camunda:delegateExpression="${sendEmailAction}"}): reads the service
 * task's input parameters and lets {@link EmailActionService} do the work.
 */
@Component("sendEmailAction")
public class SendEmailAction implements ActionDelegate {

    /** Input parameter: name of the e-mail template. */
    public static final String TEMPLATE = "template";
    /** Input parameter: name of the SMTP credentials to send through. */
    public static final String SMTP_CREDENTIAL = "smtpCredential";
    /** Input parameter: CUSTOMER, INSTALLER, SELLER or INTERNAL_USER. */
    public static final String RECIPIENT_ROLE = "recipientRole";
    /** Optional input parameter: username of a further user who gets a copy. */
    public static final String EXTRA_RECIPIENT = "extraRecipient";

    private final ActionAttempts attempts;
    private final EmailActionService emails;

    SendEmailAction(ActionAttempts attempts, EmailActionService emails) {
        this.attempts = attempts;
        this.emails = emails;
    }

    @Override
    public Set<String> inputParameters() {
        return Set.of(TEMPLATE, SMTP_CREDENTIAL, RECIPIENT_ROLE, EXTRA_RECIPIENT);
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.send(attempts.current(execution), new EmailRequest(
                text(execution, TEMPLATE), text(execution, SMTP_CREDENTIAL), text(execution, RECIPIENT_ROLE),
                text(execution, EXTRA_RECIPIENT)));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariableLocal(name);
        return value == null ? null : value.toString();
    }
}
