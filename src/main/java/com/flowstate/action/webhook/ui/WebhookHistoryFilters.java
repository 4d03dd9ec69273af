package com.flowstate.action.webhook.ui;

import java.io.Serializable;

import com.flowstate.action.webhook.WebhookHistoryFilter;
import com.flowstate.history.ui.FilterFields;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The Webhook tab's filter fields: opportunity and URL (contains), the exact response code, status and a from/to
 * pair on the creation date.
 */
class WebhookHistoryFilters implements Serializable {

    private final FilterFields fields;

    final TextField opportunity;
    final TextField url;
    final TextField responseCode;
    final Select<Boolean> status;
    final FilterFields.DateRange created;

    WebhookHistoryFilters(FilterFields fields) {
        this.fields = fields;
        opportunity = fields.text("webhook-filter-opportunity", "opportunity", "history.webhook.filter.opportunity");
        url = fields.text("webhook-filter-url", "url", "history.webhook.filter.url");
        responseCode = fields.text("webhook-filter-response-code", "responseCode", "history.webhook.filter.responseCode");
        responseCode.setAllowedCharPattern("[0-9]");
        responseCode.setMaxLength(3);
        responseCode.setMinWidth("5rem");
        status = fields.status("webhook-filter-status", "history.email.filter.status", "history.filter.any",
                "history.state.");
        created = fields.dateRange("webhook-filter-from", "history.email.filter.from", "webhook-filter-to",
                "history.email.filter.to");
    }

    /** The filter the fields describe now; a code that is not a whole HTTP status yet is no filter. */
    WebhookHistoryFilter value() {
        String code = responseCode.getValue();
        return new WebhookHistoryFilter(fields.opportunityId(), opportunity.getValue(), url.getValue(),
                code.length() == 3 ? Integer.valueOf(code) : null, status.getValue(), created.from().getValue(),
                created.to().getValue());
    }
}
