package com.flowstate.action.export.ui;

import org.springframework.stereotype.Component;

import com.flowstate.action.export.ExportFiles;
import com.flowstate.action.export.ExportHistoryQuery;
import com.flowstate.history.ui.HistoryTabProvider;

/** The Exports tab of the action history. */
@Component
class ExportHistoryTabProvider extends HistoryTabProvider {

    ExportHistoryTabProvider(ExportHistoryQuery query, ExportFiles files) {
        super("runExportAction", "tab-exports", 60, "history.tab.exports", () -> new ExportHistoryTab(query, files));
    }
}
