package com.flowstate.action.report.ui;

import org.springframework.stereotype.Component;

import com.flowstate.action.report.ReportHistoryQuery;
import com.flowstate.history.ui.HistoryTabProvider;

/** The Reports tab of the action history. */
@Component
class ReportHistoryTabProvider extends HistoryTabProvider {

    ReportHistoryTabProvider(ReportHistoryQuery query) {
        super("sendReportAction", "tab-reports", 50, "history.tab.reports", () -> new ReportHistoryTab(query));
    }
}
