package com.flowstate.history.ui;

import com.flowstate.history.Page;
import com.flowstate.history.SortDirection;
import com.flowstate.history.SubstateChangeHistoryFilter;
import com.flowstate.history.SubstateChangeHistoryQuery;
import com.flowstate.history.SubstateChangeHistoryRow;
import com.flowstate.history.SubstateChangeHistorySort;
import com.flowstate.security.PartnerScope;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.data.renderer.LitRenderer;

/**
 * The Substates tab: the opportunity's substate log, newest first. Every substate an Open / close substate action
 * opened or closed, or could not (with the reason), and every change users made by hand, marked manual with the
 * user. Paged by keyset cursors like the other tabs; filters and sort run in SQL, within the user's partner scope.
 */
class SubstateChangeHistoryTab extends HistoryTab<SubstateChangeHistoryRow, SubstateChangeHistoryFilter> {

    private final SubstateChangeHistoryQuery query;
    private final SubstateChangeHistoryFilters filters = new SubstateChangeHistoryFilters(filterFields, getLocale());

    SubstateChangeHistoryTab(SubstateChangeHistoryQuery query) {
        this.query = query;
        // Shows the query's default order (newest first) on its column.
        build("substate-history", "createdAt", "history.substate.empty", "history.substate.clearFilters");
    }

    @Override
    protected void addColumns(HeaderRow filterRow) {
        filterRow.getCell(seedColumn(SubstateChangeHistoryRow::opportunityName, "opportunity",
                "history.substate.column.opportunity")).setComponent(filters.opportunity());
        filterRow.getCell(seedColumn(this::changeType, "changeType", "history.substate.column.changeType"))
                .setComponent(filters.changeType());
        filterRow.getCell(seedColumn(SubstateChangeHistoryTab::target, "substate", "history.substate.column.substate"))
                .setComponent(filters.substate());
        filterRow.getCell(statusColumn(SubstateChangeHistoryRow::state, "history.substate.column.status",
                "history.substate.state.")).setComponent(filters.status());
        filterRow.getCell(grid.addColumn(createOriginRenderer()).setKey("origin").setSortable(false)
                .setHeader(getTranslation("history.substate.column.origin")).setAutoWidth(true).setResizable(true))
                .setComponent(filters.manual());
        filterRow.getCell(seedColumn(row -> format(row.createdAt()), "createdAt", "history.substate.column.createdAt"))
                .setComponent(filters.dateRange());
        // Columns beyond the seed's: shown, not sortable or filterable.
        detailColumn(SubstateChangeHistoryRow::lastError, "lastError", "history.substate.column.lastError")
                .setTooltipGenerator(SubstateChangeHistoryRow::lastError).setWidth("16rem").setFlexGrow(1);
        detailColumn(row -> String.valueOf(row.attempts()), "attempts", "history.substate.column.attempts")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    @Override
    protected SubstateChangeHistoryFilter filter() {
        return filters.value();
    }

    @Override
    protected Page<SubstateChangeHistoryRow> page(PartnerScope scope, SubstateChangeHistoryFilter filter,
                                                  String sortKey, SortDirection direction, String cursor, int size) {
        SubstateChangeHistorySort sort = sortKey == null ? SubstateChangeHistorySort.CREATED_AT
                : SubstateChangeHistorySort.parse(sortKey);
        return query.page(scope, filter, sort, direction, cursor, size);
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
        return substateAndTrigger(row.substateName(), row.substateKey(), row.trigger(), "history.substate.trigger.");
    }

    private String changeType(SubstateChangeHistoryRow row) {
        return row.changeType() == null ? "" : getTranslation("history.substate.changeType." + row.changeType().name());
    }

    private static String target(SubstateChangeHistoryRow row) {
        return row.targetSubstateName() != null ? row.targetSubstateName() : nullToEmpty(row.targetSubstateKey());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
