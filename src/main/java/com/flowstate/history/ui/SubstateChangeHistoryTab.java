package com.flowstate.history.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Stream;

import com.flowstate.action.ActionStatus;
import com.flowstate.history.Page;
import com.flowstate.history.SubstateChangeHistoryFilter;
import com.flowstate.history.SubstateChangeHistoryQuery;
import com.flowstate.history.SubstateChangeHistoryRow;
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
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The Substates tab: the opportunity's substate log, newest first. Every substate an Open / close substate action
 * opened or closed, or could not (with the reason), and every change users made by hand, marked manual with the
 * user. Paged by keyset cursors like the other tabs; filters and sort run in SQL, within the user's partner scope.
 */
class SubstateChangeHistoryTab extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final SubstateChangeHistoryQuery query;
    private final KeysetFetcher<SubstateChangeHistoryRow, String> fetcher = new KeysetFetcher<>(PAGE_SIZE);
    private final Grid<SubstateChangeHistoryRow> grid = new Grid<>();
    private final SubstateChangeHistoryFilters filters;
    private final DateTimeFormatter dateTimes;
    private GridLazyDataView<SubstateChangeHistoryRow> data;

    /** What the cursors belong to; a change of any part makes the fetcher start again. */
    private record FetchKey(PartnerScope scope, SubstateChangeHistoryFilter filter, SubstateChangeSortOrder order) {
    }

    SubstateChangeHistoryTab(SubstateChangeHistoryQuery query) {
        this.query = query;
        this.filters = new SubstateChangeHistoryFilters(getLocale(), this::refresh);
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
        refresh.setId("substate-history-refresh");
        Button clearFilters = new Button(getTranslation("history.substate.clearFilters"),
                VaadinIcon.CLOSE_SMALL.create(), click -> filters.clear());
        clearFilters.setId("substate-history-clear-filters");
        for (Button button : List.of(refresh, clearFilters)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout toolbar = new HorizontalLayout(refresh, clearFilters);
        toolbar.setSpacing(false);
        toolbar.addClassName(LumoUtility.Gap.SMALL);
        return toolbar;
    }

    private void configureGrid() {
        grid.setId("substate-history-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(PAGE_SIZE);
        grid.setMultiSort(false);
        grid.setEmptyStateText(getTranslation("history.substate.empty"));
        addColumns();
        // No count callback: the grid learns where the history ends when a page comes back short.
        data = grid.setItems(this::fetch);
        // Shows the query's default order (newest first) on its column.
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("createdAt"), SortDirection.DESCENDING)));
    }

    private void addColumns() {
        Grid.Column<SubstateChangeHistoryRow> opportunity = seedColumn(SubstateChangeHistoryRow::opportunityName,
                "opportunity", "history.substate.column.opportunity");
        Grid.Column<SubstateChangeHistoryRow> changeType = seedColumn(this::changeType, "changeType",
                "history.substate.column.changeType");
        Grid.Column<SubstateChangeHistoryRow> substate = seedColumn(SubstateChangeHistoryTab::target, "substate",
                "history.substate.column.substate");
        Grid.Column<SubstateChangeHistoryRow> status = grid.addColumn(createStatusRenderer())
                .setKey("status").setSortProperty("status").setSortable(true)
                .setHeader(getTranslation("history.substate.column.status")).setAutoWidth(true).setResizable(true);
        Grid.Column<SubstateChangeHistoryRow> origin = grid.addColumn(createOriginRenderer()).setKey("origin")
                .setSortable(false).setHeader(getTranslation("history.substate.column.origin")).setAutoWidth(true)
                .setResizable(true);
        Grid.Column<SubstateChangeHistoryRow> createdAt = seedColumn(row -> format(row.createdAt()), "createdAt",
                "history.substate.column.createdAt");
        addDetailColumns();
        HeaderRow filterRow = grid.appendHeaderRow();
        filterRow.getCell(opportunity).setComponent(filters.opportunity());
        filterRow.getCell(changeType).setComponent(filters.changeType());
        filterRow.getCell(substate).setComponent(filters.substate());
        filterRow.getCell(status).setComponent(filters.status());
        filterRow.getCell(origin).setComponent(filters.manual());
        filterRow.getCell(createdAt).setComponent(filters.dateRange());
    }

    /** The seed's columns: sortable in SQL by their key, filterable in the header row. */
    private Grid.Column<SubstateChangeHistoryRow> seedColumn(ValueProvider<SubstateChangeHistoryRow, String> value,
                                                             String key, String headerKey) {
        return grid.addColumn(value).setKey(key).setSortProperty(key).setSortable(true)
                .setHeader(getTranslation(headerKey)).setAutoWidth(true).setResizable(true);
    }

    /** Columns beyond the seed's: shown, not sortable or filterable. */
    private void addDetailColumns() {
        grid.addColumn(SubstateChangeHistoryRow::lastError).setKey("lastError").setSortable(false)
                .setHeader(getTranslation("history.substate.column.lastError")).setResizable(true)
                .setTooltipGenerator(SubstateChangeHistoryRow::lastError).setWidth("16rem").setFlexGrow(1);
        grid.addColumn(row -> String.valueOf(row.attempts())).setKey("attempts").setSortable(false)
                .setHeader(getTranslation("history.substate.column.attempts")).setResizable(true)
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    /** The seed's own wording (true/false) next to a badge that says it in words. */
    private LitRenderer<SubstateChangeHistoryRow> createStatusRenderer() {
        return LitRenderer.<SubstateChangeHistoryRow>of("""
                        <span class="flex items-center gap-s">\
                        <span class="status-seed">${item.seed}</span>\
                        <span theme="badge pill small ${item.badgeTheme}">${item.badge}</span>\
                        </span>""")
                .withProperty("seed", row -> row.status() == null ? "" : row.status().toString())
                .withProperty("badgeTheme", row -> badgeTheme(row.state()))
                .withProperty("badge", row -> getTranslation("history.substate.state." + row.state().name()));
    }

    private static String badgeTheme(ActionStatus state) {
        return switch (state) {
            case SUCCEEDED -> "success";
            case FAILED -> "error";
            default -> "contrast";
        };
    }

    /** Who changed the substate: a "manual" badge and the user, or the action's substate and trigger. */
    private LitRenderer<SubstateChangeHistoryRow> createOriginRenderer() {
        return LitRenderer.<SubstateChangeHistoryRow>of("""
                        <span class="flex items-center gap-s">\
                        <span class="origin-manual" theme="badge pill small primary" ?hidden=${!item.manual}>\
                        ${item.manualLabel}</span>\
                        <span class="origin-by">${item.by}</span>\
                        </span>""")
                .withProperty("manual", SubstateChangeHistoryRow::manual)
                .withProperty("manualLabel", row -> row.manual() ? getTranslation("history.substate.manual") : "")
                .withProperty("by", row -> row.manual() ? nullToEmpty(row.changedBy()) : actionPlace(row));
    }

    private String actionPlace(SubstateChangeHistoryRow row) {
        String substate = row.substateName() != null ? row.substateName() : row.substateKey();
        String trigger = row.trigger() == null ? null : getTranslation("history.substate.trigger." + row.trigger());
        if (substate == null) {
            return trigger == null ? "" : trigger;
        }
        return trigger == null ? substate : substate + " · " + trigger;
    }

    private String changeType(SubstateChangeHistoryRow row) {
        return row.changeType() == null ? "" : getTranslation("history.substate.changeType." + row.changeType().name());
    }

    private static String target(SubstateChangeHistoryRow row) {
        return row.targetSubstateName() != null ? row.targetSubstateName() : nullToEmpty(row.targetSubstateKey());
    }

    private Stream<SubstateChangeHistoryRow> fetch(Query<SubstateChangeHistoryRow, Void> request) {
        PartnerScope scope = CurrentUser.scope();
        SubstateChangeHistoryFilter filter = filters.value();
        SubstateChangeSortOrder order = SubstateChangeSortOrder.of(request.getSortOrders());
        return fetcher.fetch(new FetchKey(scope, filter, order), request.getOffset(), request.getLimit(),
                (cursor, size) -> {
                    Page<SubstateChangeHistoryRow> page = query.page(scope, filter, order.sort(), order.direction(),
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

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
