package com.flowstate.action.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionReferenceCheck;
import com.flowstate.flow.ActionType;

/**
 * Deploy-time checks of a Call webhook task: a URL that is absolute http(s), and a signing secret this installation
 * has. Values given as expressions ({@code ${...}}) are resolved only when the action runs and are not checked.
 */
@Component
class WebhookReferenceCheck implements ActionReferenceCheck {

    private final WebhookProperties properties;

    WebhookReferenceCheck(WebhookProperties properties) {
        this.properties = properties;
    }

    @Override
    public ActionType type() {
        return ActionType.WEBHOOK;
    }

    @Override
    public List<String> modelProblems(ActionDefinition action, Set<String> substateKeys) {
        List<String> problems = new ArrayList<>();
        String url = action.parameter(CallWebhookAction.URL);
        if (url == null || url.isBlank()) {
            problems.add("input parameter '" + CallWebhookAction.URL + "' is missing");
        } else if (!WebhookUrls.isExpression(url) && WebhookUrls.parse(url).isEmpty()) {
            problems.add("webhook url '" + WebhookUrls.redacted(url) + "' is not an absolute http or https URL");
        }
        return problems;
    }

    /** Secrets differ per installation: a flow deployed at start-up only logs a missing one. */
    @Override
    public List<String> dataProblems(ActionDefinition action) {
        String secret = action.parameter(CallWebhookAction.SECRET);
        if (secret != null && !secret.isBlank() && !WebhookUrls.isExpression(secret)
                && properties.secret(secret).isEmpty()) {
            return List.of("unknown webhook secret '" + secret.strip() + "' (configure flowstate.webhook.secrets."
                    + secret.strip() + ")");
        }
        return List.of();
    }
}
