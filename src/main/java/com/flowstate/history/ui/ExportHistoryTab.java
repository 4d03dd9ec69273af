package com.flowstate.history.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.flowstate.action.ActionStatus;
import com.flowstate.action.export.ExportFiles;
import com.flowstate.action.export.ExportRecipientRole;
import com.flowstate.action.export.StoredExportFile;
import com.flowstate.history.ExportHistoryFilter;
import com.flowstate.history.ExportHistoryQuery;
import com.flowstate.history.ExportHistoryRow;
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
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The Exports tab: every export the flows and schedules ran or tried to run, newest first, with its file to
 * download. Same mechanics as the other tabs (keyset pages without a row count, filters and sort in SQL, every page
 * within the user's partner scope); the download checks the scope again on the server when it is requested.
 */
class ExportHistoryTab extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final ExportHistoryQuery query;
    private final ExportFiles files;
    private final KeysetFetcher<ExportHistoryRow, String> fetcher = new KeysetFetcher<>(PAGE_SIZE);
    private final Grid<ExportHistoryRow> grid = new Grid<>();
    private final ExportHistoryFilters filters;
    private final DateTimeFormatter dateTimes;
    private final NumberFormat numbers;
    private GridLazyDataView<ExportHistoryRow> data;

    /** What the cursors belong to; a change of any part makes the fetcher start again. */
    private record FetchKey(PartnerScope scope, ExportHistoryFilter filter, ExportSortOrder order) {
    }

    ExportHistoryTab(ExportHistoryQuery query, ExportFiles files) {
        this.query = query;
        this.files = files;
        this.filters = new ExportHistoryFilters(getLocale(), this::refresh);
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZONE);
        this.numbers = NumberFormat.getIntegerInstance(getLocale());
        setSizeFull();
        setPadding(false);
        configureGrid();
        add(createToolbar(), grid);
        setFlexGrow(1, grid);
    }

    private Component createToolbar() {
        Button refresh = new Button(getTranslation("action.refresh"), VaadinIcon.REFRESH.create(),
                click -> refresh());
        refresh.setId("export-history-refresh");
        Button clearFilters = new Button(getTranslation("history.export.clearFilters"),
                VaadinIcon.CLOSE_SMALL.create(), click -> filters.clear());
        clearFilters.setId("export-history-clear-filters");
        for (Button button : List.of(refresh, clearFilters)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout toolbar = new HorizontalLayout(refresh, clearFilters);
        toolbar.setSpacing(false);
        toolbar.addClassName(LumoUtility.Gap.SMALL);
        return toolbar;
    }

    private void configureGrid() {
        grid.setId("export-history-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(PAGE_SIZE);
        grid.setMultiSort(false);
        grid.setEmptyStateText(getTranslation("history.export.empty"));
        addColumns();
        // No count callback: the grid learns where the history ends when a page comes back short.
        data = grid.setItems(this::fetch);
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("createdAt"), SortDirection.DESCENDING)));
    }

    private void addColumns() {
        Grid.Column<ExportHistoryRow> template = seedColumn(ExportHistoryRow::template, "template",
                "history.export.column.template");
        Grid.Column<ExportHistoryRow> type = seedColumn(this::typeLabel, "exportType", "history.export.column.type");
        Grid.Column<ExportHistoryRow> extension = seedColumn(row -> row.extension() == null ? ""
                : row.extension().toLowerCase(), "extension", "history.export.column.extension");
        Grid.Column<ExportHistoryRow> recipient = seedColumn(this::recipientLabel, "recipient",
                "history.export.column.recipient");
        Grid.Column<ExportHistoryRow> status = grid.addColumn(createStatusRenderer())
                .setKey("status").setSortProperty("status").setSortable(true)
                .setHeader(getTranslation("history.export.column.status")).setAutoWidth(true).setResizable(true);
        grid.addColumn(new ComponentRenderer<>(this::createDownload)).setKey("download")
                .setHeader(getTranslation("history.export.column.download")).setAutoWidth(true);
        detailColumn(row -> row.rows() == null ? "" : numbers.format(row.rows()), "rows",
                "history.export.column.rows").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        detailColumn(row -> row.fileSize() == null ? "" : fileSize(row.fileSize()), "fileSize",
                "history.export.column.fileSize").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        Grid.Column<ExportHistoryRow> createdAt = seedColumn(row -> format(row.createdAt()), "createdAt",
                "history.export.column.createdAt");
        addDetailColumns();
        HeaderRow filterRow = grid.appendHeaderRow();
        filterRow.getCell(template).setComponent(filters.template());
        filterRow.getCell(type).setComponent(filters.exportType());
        filterRow.getCell(extension).setComponent(filters.extension());
        filterRow.getCell(recipient).setComponent(filters.recipient());
        filterRow.getCell(status).setComponent(filters.status());
        filterRow.getCell(createdAt).setComponent(filters.dateRange());
    }

    /** The seed's columns (and the date): sortable in SQL by their key, filterable in the header row. */
    private Grid.Column<ExportHistoryRow> seedColumn(ValueProvider<ExportHistoryRow, String> value, String key,
                                                     String headerKey) {
        return grid.addColumn(value).setKey(key).setSortProperty(key).setSortable(true)
                .setHeader(getTranslation(headerKey)).setAutoWidth(true).setResizable(true);
    }

    /** Shown, not sortable or filterable (the query has no index for them). */
    private void addDetailColumns() {
        detailColumn(this::opportunityLabel, "opportunity", "history.export.column.opportunity").setAutoWidth(true);
        detailColumn(row -> format(row.sentAt()), "sentAt", "history.export.column.sentAt").setAutoWidth(true);
        detailColumn(row -> String.valueOf(row.attempts()), "attempts", "history.export.column.attempts")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        detailColumn(ExportHistoryRow::lastError, "lastError", "history.export.column.lastError")
                .setTooltipGenerator(ExportHistoryRow::lastError).setWidth("14rem").setFlexGrow(1);
        detailColumn(this::substateAndTrigger, "substate", "history.export.column.substate").setAutoWidth(true);
    }

    private Grid.Column<ExportHistoryRow> detailColumn(ValueProvider<ExportHistoryRow, String> value, String key,
                                                       String headerKey) {
        return grid.addColumn(value).setKey(key).setSortable(false).setHeader(getTranslation(headerKey))
                .setResizable(true);
    }

    /** The seed's own wording (true/false) next to a badge that says it in words. */
    private LitRenderer<ExportHistoryRow> createStatusRenderer() {
        return LitRenderer.<ExportHistoryRow>of("""
                        <span class="flex items-center gap-s">\
                        <span class="status-seed">${item.seed}</span>\
                        <span theme="badge pill small ${item.badgeTheme}">${item.badge}</span>\
                        </span>""")
                .withProperty("seed", row -> row.status() == null ? "" : row.status().toString())
                .withProperty("badgeTheme", row -> badgeTheme(row.state()))
                .withProperty("badge", row -> getTranslation("history.export.state." + row.state().name()));
    }

    private static String badgeTheme(ActionStatus state) {
        return switch (state) {
            case SUCCEEDED -> "success";
            case FAILED -> "error";
            default -> "contrast";
        };
    }

    /**
     * A link that downloads the file; the handler asks for the file within the scope of whoever requests it, so a
     * link that outlived a change of user or rights serves nothing.
     */
    private Component createDownload(ExportHistoryRow row) {
        if (!row.hasFile()) {
            return new Span();
        }
        long id = row.id();
        ExportFiles exportFiles = files;
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            Optional<StoredExportFile> file = exportFiles.find(CurrentUser.scope(), id);
            return file.map(found -> new DownloadResponse(exportFiles.content(found), found.fileName(),
                            found.contentType(), found.fileSize()))
                    .orElseGet(() -> DownloadResponse.error(404));
        });
        Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        link.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(getTranslation("history.export.download")));
        link.setId("export-download-" + id);
        link.addClassName("export-download");
        link.setTitle(row.fileName());
        link.getElement().setAttribute("aria-label", getTranslation("history.export.download") + " " + row.fileName());
        return link;
    }

    private String typeLabel(ExportHistoryRow row) {
        return row.exportType() == null ? "" : getTranslation("history.export.type." + row.exportType());
    }

    /** The resolved address, with the role it came from when the template names a role. */
    private String recipientLabel(ExportHistoryRow row) {
        String configured = row.recipient() == null ? "" : row.recipient();
        String role = ExportRecipientRole.parse(configured)
                .map(known -> getTranslation("history.export.role." + known.name())).orElse(null);
        if (row.recipientEmail() == null) {
            return role != null ? role : configured;
        }
        return role != null ? row.recipientEmail() + " (" + role + ")" : row.recipientEmail();
    }

    private String opportunityLabel(ExportHistoryRow row) {
        return row.opportunityId() == null ? getTranslation("history.export.scheduled") : row.opportunityName();
    }

    private String substateAndTrigger(ExportHistoryRow row) {
        String substate = row.substateName() != null ? row.substateName() : row.substateKey();
        String trigger = row.trigger() == null ? null : getTranslation("history.export.trigger." + row.trigger());
        if (substate == null) {
            return trigger == null ? "" : trigger;
        }
        return trigger == null ? substate : substate + " · " + trigger;
    }

    private String fileSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        NumberFormat decimal = NumberFormat.getNumberInstance(getLocale());
        decimal.setMaximumFractionDigits(1);
        return bytes < 1024 * 1024 ? decimal.format(bytes / 1024.0) + " KB"
                : decimal.format(bytes / (1024.0 * 1024.0)) + " MB";
    }

    private Stream<ExportHistoryRow> fetch(Query<ExportHistoryRow, Void> request) {
        PartnerScope scope = CurrentUser.scope();
        ExportHistoryFilter filter = filters.value();
        ExportSortOrder order = ExportSortOrder.of(request.getSortOrders());
        return fetcher.fetch(new FetchKey(scope, filter, order), request.getOffset(), request.getLimit(),
                (cursor, size) -> {
                    Page<ExportHistoryRow> page = query.page(scope, filter, order.sort(), order.direction(),
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
