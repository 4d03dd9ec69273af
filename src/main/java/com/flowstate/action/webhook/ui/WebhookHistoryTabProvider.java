package com.flowstate.action.webhook.ui;

import org.springframework.stereotype.Component;

import com.flowstate.action.webhook.WebhookHistoryQuery;
import com.flowstate.history.ui.HistoryTabProvider;

/** The Webhook tab, last of the action history. */
@Component
class WebhookHistoryTabProvider extends HistoryTabProvider {

    WebhookHistoryTabProvider(WebhookHistoryQuery query) {
        super("callWebhookAction", "tab-webhooks", 70, "history.tab.webhooks", () -> new WebhookHistoryTab(query));
    }
}
