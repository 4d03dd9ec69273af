package com.flowstate.history.ui;

import java.io.Serializable;

import com.flowstate.history.WebhookHistoryFilter;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The Webhook tab's filter fields: opportunity and URL (contains), the exact response code, status and a from/to
 * pair on the creation date.
 */
class WebhookHistoryFilters implements Serializable {

    final TextField opportunity;
    final TextField url;
    final TextField responseCode;
    final Select<Boolean> status;
    final FilterFields.DateRange created;

    WebhookHistoryFilters(FilterFields fields) {
        opportunity = fields.text("webhook-filter-opportunity", "history.webhook.filter.opportunity");
        url = fields.text("webhook-filter-url", "history.webhook.filter.url");
        responseCode = fields.text("webhook-filter-response-code", "history.webhook.filter.responseCode");
        responseCode.setAllowedCharPattern("[0-9]");
        responseCode.setMaxLength(3);
        responseCode.setMinWidth("5rem");
        status = fields.status();
        created = fields.dateRange();
    }

    /** The filter the fields describe now; a code that is not a whole HTTP status yet is no filter. */
    WebhookHistoryFilter value() {
        return WebhookHistoryFilter.empty()
                .withOpportunity(opportunity.getValue())
                .withUrl(url.getValue())
                .withResponseCode(responseCode.getValue().length() == 3 ? Integer.valueOf(responseCode.getValue())
                        : null)
                .withStatus(status.getValue())
                .withFrom(created.from().getValue())
                .withTo(created.to().getValue());
    }
}
