package com.flowstate.history.ui;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Stream;

import com.flowstate.action.ActionStatus;
import com.flowstate.history.Page;
import com.flowstate.history.ReportHistoryFilter;
import com.flowstate.history.ReportHistoryQuery;
import com.flowstate.history.ReportHistoryRow;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
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
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The Reports tab: every report the flows sent or tried to send, newest first, with the sent document to download.
 * Same mechanics as the E-mail tab: keyset pages without a row count, filters and sort in SQL, every page within the
 * user's partner scope. A download is checked again on the server, for whoever is signed in when it is asked for.
 */
class ReportHistoryTab extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final ReportHistoryQuery query;
    private final KeysetFetcher<ReportHistoryRow, String> fetcher = new KeysetFetcher<>(PAGE_SIZE);
    private final Grid<ReportHistoryRow> grid = new Grid<>();
    private final ReportHistoryFilters filters;
    private final DateTimeFormatter dateTimes;
    private GridLazyDataView<ReportHistoryRow> data;

    /** What the cursors belong to; a change of any part makes the fetcher start again. */
    private record FetchKey(PartnerScope scope, ReportHistoryFilter filter, ReportSortOrder order) {
    }

    ReportHistoryTab(ReportHistoryQuery query) {
        this.query = query;
        this.filters = new ReportHistoryFilters(getLocale(), this::refresh);
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
        refresh.setId("report-history-refresh");
        Button clearFilters = new Button(getTranslation("history.report.clearFilters"),
                VaadinIcon.CLOSE_SMALL.create(), click -> filters.clear());
        clearFilters.setId("report-history-clear-filters");
        for (Button button : List.of(refresh, clearFilters)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout toolbar = new HorizontalLayout(refresh, clearFilters);
        toolbar.setSpacing(false);
        toolbar.addClassName(LumoUtility.Gap.SMALL);
        return toolbar;
    }

    private void configureGrid() {
        grid.setId("report-history-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(PAGE_SIZE);
        grid.setMultiSort(false);
        grid.setEmptyStateText(getTranslation("history.report.empty"));
        addColumns();
        // No count callback: the grid learns where the history ends when a page comes back short.
        data = grid.setItems(this::fetch);
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("createdAt"), SortDirection.DESCENDING)));
    }

    private void addColumns() {
        // Twelve columns do not fit a laptop screen: the opportunity stays in view while the rest scrolls.
        Grid.Column<ReportHistoryRow> opportunity = seedColumn(ReportHistoryRow::opportunityName, "opportunity",
                "history.report.column.opportunity").setFrozen(true);
        Grid.Column<ReportHistoryRow> template = seedColumn(ReportHistoryRow::template, "template",
                "history.report.column.template");
        Grid.Column<ReportHistoryRow> recipient = seedColumn(ReportHistoryRow::recipientEmail, "recipient",
                "history.report.column.recipient");
        Grid.Column<ReportHistoryRow> smtp = seedColumn(ReportHistoryRow::smtpCredential, "smtpCredential",
                "history.report.column.smtp");
        Grid.Column<ReportHistoryRow> fromAddress = seedColumn(ReportHistoryRow::fromAddress, "fromAddress",
                "history.report.column.fromAddress");
        Grid.Column<ReportHistoryRow> document = grid.addComponentColumn(this::createDocumentLink)
                .setKey("document").setSortProperty("document").setSortable(true)
                .setHeader(getTranslation("history.report.column.document")).setAutoWidth(true).setResizable(true);
        Grid.Column<ReportHistoryRow> status = grid.addColumn(createStatusRenderer())
                .setKey("status").setSortProperty("status").setSortable(true)
                .setHeader(getTranslation("history.report.column.status")).setAutoWidth(true).setResizable(true);
        Grid.Column<ReportHistoryRow> createdAt = seedColumn(row -> format(row.createdAt()), "createdAt",
                "history.report.column.createdAt");
        addDetailColumns();
        HeaderRow filterRow = grid.appendHeaderRow();
        filterRow.getCell(opportunity).setComponent(filters.opportunity());
        filterRow.getCell(template).setComponent(filters.template());
        filterRow.getCell(recipient).setComponent(filters.recipient());
        filterRow.getCell(smtp).setComponent(filters.smtpCredential());
        filterRow.getCell(fromAddress).setComponent(filters.fromAddress());
        filterRow.getCell(document).setComponent(filters.document());
        filterRow.getCell(status).setComponent(filters.status());
        filterRow.getCell(createdAt).setComponent(filters.dateRange());
    }

    /** The seed's columns: sortable in SQL by their key, filterable in the header row. */
    private Grid.Column<ReportHistoryRow> seedColumn(ValueProvider<ReportHistoryRow, String> value, String key,
                                                     String headerKey) {
        return grid.addColumn(value).setKey(key).setSortProperty(key).setSortable(true)
                .setHeader(getTranslation(headerKey)).setAutoWidth(true).setResizable(true);
    }

    /** Columns beyond the seed's: shown, not sortable or filterable (the query has no index for them). */
    private void addDetailColumns() {
        detailColumn(row -> format(row.sentAt()), "sentAt", "history.report.column.sentAt").setAutoWidth(true);
        detailColumn(row -> String.valueOf(row.attempts()), "attempts", "history.report.column.attempts")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        detailColumn(ReportHistoryRow::lastError, "lastError", "history.report.column.lastError")
                .setTooltipGenerator(ReportHistoryRow::lastError).setWidth("14rem").setFlexGrow(1);
        detailColumn(this::substateAndTrigger, "substate", "history.report.column.substate").setAutoWidth(true);
    }

    private Grid.Column<ReportHistoryRow> detailColumn(ValueProvider<ReportHistoryRow, String> value, String key,
                                                       String headerKey) {
        return grid.addColumn(value).setKey(key).setSortable(false).setHeader(getTranslation(headerKey))
                .setResizable(true);
    }

    /** The sent .docx as a download link; nothing while (or when) no report went out. */
    private Component createDocumentLink(ReportHistoryRow row) {
        if (!row.hasDocument()) {
            return new Span();
        }
        long rowId = row.id();
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> download(rowId)), AttachmentType.DOWNLOAD,
                row.fileName());
        link.setId("report-document-" + rowId);
        link.addClassName("report-document");
        link.setTitle(getTranslation("history.report.download", row.fileName()));
        return link;
    }

    /** Asked for by the browser later, maybe after a sign-out: the scope is the one of the user signed in now. */
    private DownloadResponse download(long rowId) {
        return CurrentUser.get().map(FlowstateUser::scope)
                .flatMap(scope -> query.document(scope, rowId))
                .map(document -> new DownloadResponse(new ByteArrayInputStream(document.content()),
                        document.fileName(), document.contentType(), document.content().length))
                .orElseGet(() -> DownloadResponse.error(404));
    }

    /** The seed's own wording (true/false) next to a badge that says it in words. */
    private LitRenderer<ReportHistoryRow> createStatusRenderer() {
        return LitRenderer.<ReportHistoryRow>of("""
                        <span class="flex items-center gap-s">\
                        <span class="status-seed">${item.seed}</span>\
                        <span theme="badge pill small ${item.badgeTheme}">${item.badge}</span>\
                        </span>""")
                .withProperty("seed", row -> row.status() == null ? "" : row.status().toString())
                .withProperty("badgeTheme", row -> badgeTheme(row.state()))
                .withProperty("badge", row -> getTranslation("history.report.state." + row.state().name()));
    }

    private static String badgeTheme(ActionStatus state) {
        return switch (state) {
            case SUCCEEDED -> "success";
            case FAILED -> "error";
            default -> "contrast";
        };
    }

    private String substateAndTrigger(ReportHistoryRow row) {
        String substate = row.substateName() != null ? row.substateName() : row.substateKey();
        String trigger = row.trigger() == null ? null : getTranslation("history.report.trigger." + row.trigger());
        if (substate == null) {
            return trigger == null ? "" : trigger;
        }
        return trigger == null ? substate : substate + " · " + trigger;
    }

    private Stream<ReportHistoryRow> fetch(Query<ReportHistoryRow, Void> request) {
        PartnerScope scope = CurrentUser.scope();
        ReportHistoryFilter filter = filters.value();
        ReportSortOrder order = ReportSortOrder.of(request.getSortOrders());
        return fetcher.fetch(new FetchKey(scope, filter, order), request.getOffset(), request.getLimit(),
                (cursor, size) -> {
                    Page<ReportHistoryRow> page = query.page(scope, filter, order.sort(), order.direction(),
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
