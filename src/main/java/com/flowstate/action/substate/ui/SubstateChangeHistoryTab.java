package com.flowstate.action.substate.ui;

import com.flowstate.action.substate.SubstateChangeHistoryFilter;
import com.flowstate.action.substate.SubstateChangeHistoryQuery;
import com.flowstate.action.substate.SubstateChangeHistoryRow;
import com.flowstate.flow.SubstateNames;
import com.flowstate.history.ui.HistoryTab;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.data.renderer.LitRenderer;

/**
 * The Substates tab: the opportunity's substate log, newest first. Every substate an Open / close substate action
 * opened or closed, or could not (with the reason), and every change users made by hand, marked manual with the
 * user.
 */
class SubstateChangeHistoryTab extends HistoryTab<SubstateChangeHistoryRow, SubstateChangeHistoryFilter> {

    private final SubstateChangeHistoryFilters filters = new SubstateChangeHistoryFilters(filterFields, getLocale());

    SubstateChangeHistoryTab(SubstateChangeHistoryQuery query) {
        super(query);
        build("substate-history", "createdAt", "history.substate.none", "history.substate.empty",
                "history.substate.clearFilters");
    }

    @Override
    protected void addColumns(HeaderRow filterRow) {
        filterRow.getCell(opportunityColumn("history.substate.column.opportunity")).setComponent(filters.opportunity);
        filterRow.getCell(seedColumn(this::changeType, "changeType", "history.substate.column.changeType"))
                .setComponent(filters.changeType);
        filterRow.getCell(seedColumn(this::target, "substate", "history.substate.column.substate"))
                .setComponent(filters.substate);
        filterRow.getCell(statusColumn("history.substate.column.status", "history.substate.state."))
                .setComponent(filters.status);
        filterRow.getCell(grid.addColumn(createOriginRenderer()).setKey("origin").setSortable(false)
                .setHeader(getTranslation("history.substate.column.origin")).setWidth("14rem").setResizable(true))
                .setComponent(filters.manual);
        filterRow.getCell(createdAtColumn("history.substate.column.createdAt"))
                .setComponent(filters.created.component());
        // Columns beyond the seed's: shown, not sortable or filterable.
        lastErrorColumn("history.substate.column.lastError").setWidth("16rem");
        attemptsColumn("history.substate.column.attempts");
    }

    @Override
    protected SubstateChangeHistoryFilter filter() {
        return filters.value();
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
                .withProperty("by", row -> row.manual() ? nullToEmpty(row.changedByName()) : actionPlace(row));
    }

    private String actionPlace(SubstateChangeHistoryRow row) {
        return substateAndTrigger(row.action().substateName(), row.action().substateKey(), row.action().trigger(),
                "history.substate.trigger.");
    }

    private String changeType(SubstateChangeHistoryRow row) {
        return row.changeType() == null ? "" : getTranslation("history.substate.changeType." + row.changeType().name());
    }

    private String target(SubstateChangeHistoryRow row) {
        return row.targetSubstateName() != null
                ? SubstateNames.localized(row.targetSubstateKey(), row.targetSubstateName(), getLocale())
                : nullToEmpty(row.targetSubstateKey());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
