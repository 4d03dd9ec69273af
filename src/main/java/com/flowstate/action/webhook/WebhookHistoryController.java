package com.flowstate.action.webhook;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.history.Page;
import com.flowstate.history.PageParameters;
import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Action history")
class WebhookHistoryController {

    private final WebhookHistoryQuery webhooks;

    WebhookHistoryController(WebhookHistoryQuery webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/api/history/webhooks")
    @Operation(summary = "Webhook tab: filter by opportunity, URL, response code, status, dates; sort by "
            + "createdAt|opportunity|url|responseCode|status; page with the returned cursor")
    Page<WebhookHistoryRow> webhooks(@ParameterObject WebhookHistoryFilter filter,
                                     @ParameterObject PageParameters page) {
        return webhooks.page(CurrentUser.scope(), filter, page);
    }
}
