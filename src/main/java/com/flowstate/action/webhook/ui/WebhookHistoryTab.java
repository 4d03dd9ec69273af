package com.flowstate.action.webhook.ui;

import com.flowstate.action.webhook.WebhookHistoryFilter;
import com.flowstate.action.webhook.WebhookHistoryQuery;
import com.flowstate.action.webhook.WebhookHistoryRow;
import com.flowstate.history.ui.HistoryTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The Webhook tab: every call the Call webhook action made or tried to make, newest first, with what the receiver
 * answered. A row opens to the start of the answer's body.
 */
class WebhookHistoryTab extends HistoryTab<WebhookHistoryRow, WebhookHistoryFilter> {

    private final WebhookHistoryFilters filters = new WebhookHistoryFilters(filterFields);

    WebhookHistoryTab(WebhookHistoryQuery query) {
        super(query);
        build("webhook-history", "createdAt", "history.webhook.none", "history.webhook.empty");
    }

    @Override
    protected void addColumns(HeaderRow filterRow) {
        filterRow.getCell(opportunityColumn("history.webhook.column.opportunity")).setComponent(filters.opportunity);
        filterRow.getCell(seedColumn(WebhookHistoryRow::url, "url", "history.webhook.column.url")
                .setTooltipGenerator(WebhookHistoryRow::url)).setComponent(filters.url);
        detailColumn(WebhookHistoryRow::eventName, "event", "history.webhook.column.event").setWidth("10rem");
        filterRow.getCell(seedColumn(row -> row.responseCode() == null ? "" : row.responseCode().toString(),
                "responseCode", "history.webhook.column.responseCode").setTextAlign(ColumnTextAlign.END))
                .setComponent(filters.responseCode);
        filterRow.getCell(statusColumn("history.webhook.column.status", "history.state."))
                .setComponent(filters.status);
        filterRow.getCell(createdAtColumn("history.webhook.column.createdAt"))
                .setComponent(filters.created.component());
        detailColumn(row -> format(row.calledAt()), "calledAt", "history.webhook.column.calledAt")
                .setAutoWidth(true);
        detailColumn(row -> row.durationMillis() == null ? "" : row.durationMillis() + " ms", "duration",
                "history.webhook.column.duration").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        attemptsColumn("history.webhook.column.attempts");
        lastErrorColumn("history.webhook.column.lastError");
        substateColumn("history.webhook.column.substate", "history.email.trigger.");
    }

    @Override
    protected WebhookHistoryFilter filter() {
        return filters.value();
    }


    @Override
    protected Component details(WebhookHistoryRow row) {
        return new Details("webhook")
                .value("history.webhook.details.response", row.responseExcerpt() == null ? "—" : row.responseExcerpt(),
                        "webhook-response", LumoUtility.FontSize.SMALL)
                .withError(reasonText(row));
    }
}
