package com.flowstate.action.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.flowstate.action.ActionHistoryTable;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionType;

/** The Webhook tab's table; URL and event name are known from the model before the first attempt. */
@Component
class WebhookHistoryTable implements ActionHistoryTable {

    @Override
    public ActionType type() {
        return ActionType.WEBHOOK;
    }

    @Override
    public String table() {
        return "webhook_history";
    }

    @Override
    public Map<String, Object> scheduledColumns(ActionDefinition action) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("url", WebhookUrls.redacted(action.parameter(CallWebhookAction.URL)));
        columns.put("event_name", WebhookActionService.eventName(action.parameter(CallWebhookAction.EVENT_NAME),
                action.trigger()));
        return columns;
    }
}
