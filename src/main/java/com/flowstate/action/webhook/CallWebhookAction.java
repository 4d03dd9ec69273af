package com.flowstate.action.webhook;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.flowstate.action.ActionDelegate;
import com.flowstate.flow.ActionAttempts;

/**
 * BPMN glue of the Call webhook action ({@code camunda:delegateExpression="${callWebhookAction}"}): reads the service
 * task's input parameters and lets {@link WebhookActionService} make the call through Camunda Connect.
 */
@Component("callWebhookAction")
public class CallWebhookAction implements ActionDelegate {

    /** Input parameter: absolute http(s) URL the event is POSTed to. */
    public static final String URL = "url";
    /** Optional input parameter: the event's name (default: substate.opened, substate.closed…). */
    public static final String EVENT_NAME = "eventName";
    /** Optional input parameter: name of the secret (flowstate.webhook.secrets) that signs the body. */
    public static final String SECRET = "secret";

    private final ActionAttempts attempts;
    private final WebhookActionService webhooks;

    CallWebhookAction(ActionAttempts attempts, WebhookActionService webhooks) {
        this.attempts = attempts;
        this.webhooks = webhooks;
    }

    @Override
    public Set<String> inputParameters() {
        return Set.of(URL, EVENT_NAME, SECRET);
    }

    @Override
    public void execute(DelegateExecution execution) {
        webhooks.call(attempts.current(execution), new WebhookRequest(
                text(execution, URL), text(execution, EVENT_NAME), text(execution, SECRET)));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariableLocal(name);
        return value == null ? null : value.toString();
    }
}
