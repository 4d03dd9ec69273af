package com.flowstate.history.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Stream;

import com.flowstate.action.ActionStatus;
import com.flowstate.history.EmailHistoryFilter;
import com.flowstate.history.EmailHistoryQuery;
import com.flowstate.history.EmailHistoryRow;
import com.flowstate.history.Page;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.PartnerScope;
import com.flowstate.ui.KeysetFetcher;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The E-mail tab: every e-mail the flows sent or tried to send, newest first. The grid reads the history page by
 * page through keyset cursors (no row count, so it scrolls on without the query ever counting millions of rows);
 * filters and sort run in SQL, and every page is fetched within the user's partner scope.
 */
class EmailHistoryTab extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final EmailHistoryQuery query;
    private final KeysetFetcher<EmailHistoryRow, String> fetcher = new KeysetFetcher<>(PAGE_SIZE);
    private final Grid<EmailHistoryRow> grid = new Grid<>();
    private final EmailHistoryFilters filters;
    private final DateTimeFormatter dateTimes;
    private GridLazyDataView<EmailHistoryRow> data;

    /** What the cursors belong to; a change of any part makes the fetcher start again. */
    private record FetchKey(PartnerScope scope, EmailHistoryFilter filter, EmailSortOrder order) {
    }

    EmailHistoryTab(EmailHistoryQuery query) {
        this.query = query;
        this.filters = new EmailHistoryFilters(getLocale(), this::refresh);
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZONE);
        setSizeFull();
        setPadding(false);
        configureGrid();
        add(createToolbar(), grid);
        setFlexGrow(1, grid);
    }

    private Component createToolbar() {
        Button refresh = new Button(getTranslation("action.refresh"), VaadinIcon.REFRESH.create(),
                click -> refresh());
        refresh.setId("email-history-refresh");
        Button clearFilters = new Button(getTranslation("history.email.clearFilters"), VaadinIcon.CLOSE_SMALL.create(),
                click -> filters.clear());
        clearFilters.setId("email-history-clear-filters");
        for (Button button : List.of(refresh, clearFilters)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout toolbar = new HorizontalLayout(refresh, clearFilters);
        toolbar.setSpacing(false);
        toolbar.addClassName(LumoUtility.Gap.SMALL);
        return toolbar;
    }

    private void configureGrid() {
        grid.setId("email-history-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(PAGE_SIZE);
        grid.setMultiSort(false);
        grid.setEmptyStateText(getTranslation("history.email.empty"));
        addColumns();
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::createDetails));
        // No count callback: the grid learns where the history ends when a page comes back short.
        data = grid.setItems(this::fetch);
        // Shows the query's default order (newest first) on its column.
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("createdAt"), SortDirection.DESCENDING)));
    }

    private void addColumns() {
        Grid.Column<EmailHistoryRow> opportunity = seedColumn(EmailHistoryRow::opportunityName, "opportunity",
                "history.email.column.opportunity");
        Grid.Column<EmailHistoryRow> template = seedColumn(EmailHistoryRow::template, "template",
                "history.email.column.template");
        Grid.Column<EmailHistoryRow> recipient = seedColumn(EmailHistoryRow::recipientEmail, "recipient",
                "history.email.column.recipient");
        Grid.Column<EmailHistoryRow> smtp = seedColumn(EmailHistoryRow::smtpCredential, "smtpCredential",
                "history.email.column.smtp");
        Grid.Column<EmailHistoryRow> status = grid.addColumn(createStatusRenderer())
                .setKey("status").setSortProperty("status").setSortable(true)
                .setHeader(getTranslation("history.email.column.status")).setAutoWidth(true).setResizable(true);
        Grid.Column<EmailHistoryRow> createdAt = seedColumn(row -> format(row.createdAt()), "createdAt",
                "history.email.column.createdAt");
        addDetailColumns();
        HeaderRow filterRow = grid.appendHeaderRow();
        filterRow.getCell(opportunity).setComponent(filters.opportunity());
        filterRow.getCell(template).setComponent(filters.template());
        filterRow.getCell(recipient).setComponent(filters.recipient());
        filterRow.getCell(smtp).setComponent(filters.smtpCredential());
        filterRow.getCell(status).setComponent(filters.status());
        filterRow.getCell(createdAt).setComponent(filters.dateRange());
    }

    /** The seed's columns: sortable in SQL by their key, filterable in the header row. */
    private Grid.Column<EmailHistoryRow> seedColumn(ValueProvider<EmailHistoryRow, String> value, String key,
                                                    String headerKey) {
        return grid.addColumn(value).setKey(key).setSortProperty(key).setSortable(true)
                .setHeader(getTranslation(headerKey)).setAutoWidth(true).setResizable(true);
    }

    /** Columns beyond the seed's: shown, not sortable or filterable (the query has no index for them). */
    private void addDetailColumns() {
        detailColumn(row -> format(row.sentAt()), "sentAt", "history.email.column.sentAt").setAutoWidth(true);
        detailColumn(row -> String.valueOf(row.attempts()), "attempts", "history.email.column.attempts")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        detailColumn(EmailHistoryRow::lastError, "lastError", "history.email.column.lastError")
                .setTooltipGenerator(EmailHistoryRow::lastError).setWidth("14rem").setFlexGrow(1);
        detailColumn(this::substateAndTrigger, "substate", "history.email.column.substate").setAutoWidth(true);
    }

    private Grid.Column<EmailHistoryRow> detailColumn(ValueProvider<EmailHistoryRow, String> value, String key,
                                                      String headerKey) {
        return grid.addColumn(value).setKey(key).setSortable(false).setHeader(getTranslation(headerKey))
                .setResizable(true);
    }

    /** The seed's own wording (true/false) next to a badge that says it in words. */
    private LitRenderer<EmailHistoryRow> createStatusRenderer() {
        return LitRenderer.<EmailHistoryRow>of("""
                        <span class="flex items-center gap-s">\
                        <span class="status-seed">${item.seed}</span>\
                        <span theme="badge pill small ${item.badgeTheme}">${item.badge}</span>\
                        </span>""")
                .withProperty("seed", row -> row.status() == null ? "" : row.status().toString())
                .withProperty("badgeTheme", row -> badgeTheme(row.state()))
                .withProperty("badge", row -> getTranslation("history.email.state." + row.state().name()));
    }

    private static String badgeTheme(ActionStatus state) {
        return switch (state) {
            case SUCCEEDED -> "success";
            case FAILED -> "error";
            default -> "contrast";
        };
    }

    private String substateAndTrigger(EmailHistoryRow row) {
        String substate = row.substateName() != null ? row.substateName() : row.substateKey();
        String trigger = row.trigger() == null ? null : getTranslation("history.email.trigger." + row.trigger());
        if (substate == null) {
            return trigger == null ? "" : trigger;
        }
        return trigger == null ? substate : substate + " · " + trigger;
    }

    private Component createDetails(EmailHistoryRow row) {
        Span subjectLabel = new Span(getTranslation("history.email.details.subject"));
        subjectLabel.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Span subject = new Span(row.subject() == null ? "" : row.subject());
        subject.addClassNames("email-subject", LumoUtility.FontWeight.SEMIBOLD);
        Span bodyLabel = new Span(getTranslation("history.email.details.body"));
        bodyLabel.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div body = new Div(row.bodyPreview() == null ? "" : row.bodyPreview());
        body.addClassNames("email-body", LumoUtility.Whitespace.PRE_WRAP, LumoUtility.FontSize.SMALL);
        Div details = new Div(subjectLabel, subject, bodyLabel, body);
        details.addClassNames("email-details", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.XSMALL, LumoUtility.Padding.Vertical.SMALL, LumoUtility.Padding.Horizontal.MEDIUM);
        if (row.lastError() != null) {
            Div error = new Div(row.lastError());
            error.addClassNames("email-error", LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL,
                    LumoUtility.Whitespace.PRE_WRAP);
            details.add(error);
        }
        return details;
    }

    private Stream<EmailHistoryRow> fetch(Query<EmailHistoryRow, Void> request) {
        PartnerScope scope = CurrentUser.scope();
        EmailHistoryFilter filter = filters.value();
        EmailSortOrder order = EmailSortOrder.of(request.getSortOrders());
        return fetcher.fetch(new FetchKey(scope, filter, order), request.getOffset(), request.getLimit(),
                (cursor, size) -> {
                    Page<EmailHistoryRow> page = query.page(scope, filter, order.sort(), order.direction(),
                            cursor, size);
                    return new KeysetFetcher.Chunk<>(page.items(), page.nextCursor());
                });
    }

    /** Reads the history again from the first page: new rows may have arrived, filters may have changed. */
    private void refresh() {
        fetcher.reset();
        if (data != null) {
            data.refreshAll();
        }
    }

    private String format(Instant instant) {
        return instant == null ? "" : dateTimes.format(instant);
    }
}
