package com.flowstate.action.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.flowstate.action.Action;
import com.flowstate.action.ActionRunner;
import com.flowstate.flow.ActionDefinition;

/**
 * Call webhook ({@code ${callWebhookAction}}): POSTs a JSON description of the substate event to a URL the designer
 * configured, through Camunda Connect ({@link WebhookActionService}). Its history tab is the Webhook tab
 * ({@code webhook_history}).
 */
@Component
public class CallWebhookAction extends Action<WebhookParameters> {

    private final WebhookProperties properties;

    CallWebhookAction(ActionRunner runner, WebhookActionService webhooks, WebhookProperties properties) {
        super(WebhookParameters.class, "webhook_history", runner, webhooks::call);
        this.properties = properties;
    }

    /**
     * The URL (redacted; an expression as written) and the event name (the designer's, or the default for where the
     * action sits) are known from the model before the first attempt.
     */
    @Override
    protected Map<String, Object> scheduledColumns(WebhookParameters parameters, ActionDefinition modelled) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("url", WebhookUrls.redacted(parameters.url()));
        columns.put("event_name", WebhookActionService.eventName(parameters.eventName(), modelled.trigger()));
        return columns;
    }

    /** A URL written out in the model must be absolute http(s); an expression is resolved only when the action runs. */
    @Override
    protected List<String> modelProblems(WebhookParameters parameters, Set<String> substateKeys) {
        String url = parameters.url();
        if (isLiteral(url) && WebhookUrls.parse(url).isEmpty()) {
            return List.of("webhook url '" + WebhookUrls.redacted(url) + "' is not an absolute http or https URL");
        }
        return List.of();
    }

    /** Secrets differ per installation: a flow deployed at start-up only logs a missing one. */
    @Override
    protected List<String> dataProblems(WebhookParameters parameters) {
        String secret = parameters.secret();
        if (isLiteral(secret) && properties.secret(secret).isEmpty()) {
            return List.of("unknown webhook secret '" + secret.strip() + "' (configure flowstate.webhook.secrets."
                    + secret.strip() + ")");
        }
        return List.of();
    }

    /** The timeline line of an execution (see {@link Action#timelineSummary()}). */
    @Override
    protected String timelineSummary() {
        return "concat_ws(' · ', h.event_name, h.url)";
    }
}
