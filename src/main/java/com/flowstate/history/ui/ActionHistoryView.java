package com.flowstate.history.ui;

import com.flowstate.action.assignment.AssignmentService;
import com.flowstate.action.export.ExportFiles;
import com.flowstate.history.ActivityHistoryQuery;
import com.flowstate.history.AssignmentHistoryQuery;
import com.flowstate.history.EmailHistoryQuery;
import com.flowstate.history.ExportHistoryQuery;
import com.flowstate.history.ReportHistoryQuery;
import com.flowstate.history.SubstateChangeHistoryQuery;
import com.flowstate.history.WebhookHistoryQuery;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * What the automatic actions did, one tab per action type. Only e-mail exists so far; the other tabs say so
 * instead of showing an empty grid that would look like "nothing happened".
 */
@Route("account/history")
@PermitAll
public class ActionHistoryView extends VerticalLayout implements HasDynamicTitle {

    private final AssignmentHistoryQuery assignmentHistory;
    private final AssignmentService assignmentService;
    private final ReportHistoryQuery reportHistory;
    private final ExportHistoryQuery exportHistory;
    private final ExportFiles exportFiles;

    ActionHistoryView(EmailHistoryQuery emailHistory, ActivityHistoryQuery activityHistory,
                      SubstateChangeHistoryQuery substateHistory, WebhookHistoryQuery webhookHistory,
                      AssignmentHistoryQuery assignmentHistory, AssignmentService assignmentService,
                      ReportHistoryQuery reportHistory, ExportHistoryQuery exportHistory,
                      ExportFiles exportFiles) {
        this.assignmentHistory = assignmentHistory;
        this.assignmentService = assignmentService;
        this.reportHistory = reportHistory;
        this.exportHistory = exportHistory;
        this.exportFiles = exportFiles;
        setSizeFull();
        add(createTabs(emailHistory, activityHistory, substateHistory, webhookHistory));
    }

    private TabSheet createTabs(EmailHistoryQuery emailHistory, ActivityHistoryQuery activityHistory,
                                SubstateChangeHistoryQuery substateHistory, WebhookHistoryQuery webhookHistory) {
        TabSheet tabs = new TabSheet();
        tabs.setId("action-history-tabs");
        tabs.setSizeFull();
        addTab(tabs, "tab-email", "history.tab.email", new EmailHistoryTab(emailHistory));
        addTab(tabs, "tab-activities", "history.tab.activities", new ActivityHistoryTab(activityHistory));
        addTab(tabs, "tab-substates", "history.tab.substates", new SubstateChangeHistoryTab(substateHistory));
        addTab(tabs, "tab-assignment", "history.tab.assignment",
                new AssignmentHistoryTab(assignmentHistory, assignmentService));
        addTab(tabs, "tab-reports", "history.tab.reports", new ReportHistoryTab(reportHistory));
        addTab(tabs, "tab-exports", "history.tab.exports", new ExportHistoryTab(exportHistory, exportFiles));
        // Beyond the six seed tabs: actions the peers do not have.
        addTab(tabs, "tab-webhooks", "history.tab.webhooks", new WebhookHistoryTab(webhookHistory));
        return tabs;
    }

    private void addTab(TabSheet tabs, String id, String labelKey, Component content) {
        Tab tab = new Tab(getTranslation(labelKey));
        tab.setId(id);
        tabs.add(tab, content);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("history.title");
    }
}
