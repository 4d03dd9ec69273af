package com.flowstate.history.ui;

import com.flowstate.history.Page;
import com.flowstate.history.SortDirection;
import com.flowstate.history.WebhookHistoryFilter;
import com.flowstate.history.WebhookHistoryQuery;
import com.flowstate.history.WebhookHistoryRow;
import com.flowstate.history.WebhookHistorySort;
import com.flowstate.security.PartnerScope;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The Webhook tab: every call the Call webhook action made or tried to make, newest first, with what the receiver
 * answered. A row opens to the start of the answer's body.
 */
class WebhookHistoryTab extends HistoryTab<WebhookHistoryRow, WebhookHistoryFilter> {

    private final WebhookHistoryQuery query;
    private final WebhookHistoryFilters filters = new WebhookHistoryFilters(filterFields);

    WebhookHistoryTab(WebhookHistoryQuery query) {
        this.query = query;
        build("webhook-history", "createdAt", "history.webhook.empty");
    }

    @Override
    protected void addColumns(HeaderRow filterRow) {
        filterRow.getCell(seedColumn(WebhookHistoryRow::opportunityName, "opportunity",
                "history.webhook.column.opportunity")).setComponent(filters.opportunity);
        filterRow.getCell(seedColumn(WebhookHistoryRow::url, "url", "history.webhook.column.url")
                .setTooltipGenerator(WebhookHistoryRow::url)).setComponent(filters.url);
        detailColumn(WebhookHistoryRow::eventName, "event", "history.webhook.column.event").setAutoWidth(true);
        filterRow.getCell(seedColumn(row -> row.responseCode() == null ? "" : row.responseCode().toString(),
                "responseCode", "history.webhook.column.responseCode").setTextAlign(ColumnTextAlign.END))
                .setComponent(filters.responseCode);
        filterRow.getCell(statusColumn(WebhookHistoryRow::state, "history.webhook.column.status"))
                .setComponent(filters.status);
        filterRow.getCell(seedColumn(row -> format(row.createdAt()), "createdAt",
                "history.webhook.column.createdAt")).setComponent(filters.created.component());
        detailColumn(row -> format(row.calledAt()), "calledAt", "history.webhook.column.calledAt")
                .setAutoWidth(true);
        detailColumn(row -> row.durationMillis() == null ? "" : row.durationMillis() + " ms", "duration",
                "history.webhook.column.duration").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        detailColumn(row -> String.valueOf(row.attempts()), "attempts", "history.webhook.column.attempts")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        detailColumn(WebhookHistoryRow::lastError, "lastError", "history.webhook.column.lastError")
                .setTooltipGenerator(WebhookHistoryRow::lastError).setWidth("14rem").setFlexGrow(1);
        detailColumn(row -> substateAndTrigger(row.substateName(), row.substateKey(), row.trigger()), "substate",
                "history.webhook.column.substate").setAutoWidth(true);
    }

    @Override
    protected WebhookHistoryFilter filter() {
        return filters.value();
    }

    @Override
    protected Page<WebhookHistoryRow> page(PartnerScope scope, WebhookHistoryFilter filter, String sortKey,
                                           SortDirection direction, String cursor, int size) {
        WebhookHistorySort sort = sortKey == null ? WebhookHistorySort.CREATED_AT : WebhookHistorySort.parse(sortKey);
        return query.page(scope, filter, sort, direction, cursor, size);
    }

    @Override
    protected boolean hasDetails() {
        return true;
    }

    @Override
    protected Component details(WebhookHistoryRow row) {
        Span responseLabel = new Span(getTranslation("history.webhook.details.response"));
        responseLabel.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div response = new Div(row.responseExcerpt() == null ? "—" : row.responseExcerpt());
        response.addClassNames("webhook-response", LumoUtility.Whitespace.PRE_WRAP, LumoUtility.FontSize.SMALL);
        Div details = new Div(responseLabel, response);
        details.addClassNames("webhook-details", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.XSMALL, LumoUtility.Padding.Vertical.SMALL, LumoUtility.Padding.Horizontal.MEDIUM);
        if (row.lastError() != null) {
            Div error = new Div(row.lastError());
            error.addClassNames("webhook-error", LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL,
                    LumoUtility.Whitespace.PRE_WRAP);
            details.add(error);
        }
        return details;
    }
}
