package com.flowstate.action.noop.ui;

import com.flowstate.action.noop.NoopHistoryFilter;
import com.flowstate.action.noop.NoopHistoryQuery;
import com.flowstate.action.noop.NoopHistoryRow;
import com.flowstate.history.ui.HistoryTab;
import com.vaadin.flow.component.grid.HeaderRow;

class NoopHistoryTab extends HistoryTab<NoopHistoryRow, NoopHistoryFilter> {

    NoopHistoryTab(NoopHistoryQuery query) {
        super(query);
        build("noop-history", "createdAt", "history.email.none", "history.email.empty");
    }

    @Override
    protected void addColumns(HeaderRow filters) {
        opportunityColumn("history.email.column.opportunity");
        lastErrorColumn("history.email.column.lastError");
        statusColumn("history.email.column.status", "history.email.state.");
        createdAtColumn("history.email.column.createdAt");
    }

    @Override
    protected NoopHistoryFilter filter() {
        return new NoopHistoryFilter(null, null, null, null, null);
    }
}
