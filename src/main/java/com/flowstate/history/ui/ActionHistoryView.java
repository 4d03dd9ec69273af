package com.flowstate.history.ui;

import com.flowstate.history.EmailHistoryQuery;
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

    ActionHistoryView(EmailHistoryQuery emailHistory) {
        setSizeFull();
        add(createTabs(emailHistory));
    }

    private TabSheet createTabs(EmailHistoryQuery emailHistory) {
        TabSheet tabs = new TabSheet();
        tabs.setId("action-history-tabs");
        tabs.setSizeFull();
        addTab(tabs, "tab-email", "history.tab.email", new EmailHistoryTab(emailHistory));
        addPlannedTab(tabs, "tab-activities", "activities");
        addPlannedTab(tabs, "tab-substates", "substates");
        addPlannedTab(tabs, "tab-assignment", "assignment");
        addPlannedTab(tabs, "tab-reports", "reports");
        addPlannedTab(tabs, "tab-exports", "exports");
        return tabs;
    }

    private void addPlannedTab(TabSheet tabs, String id, String name) {
        addTab(tabs, id, "history.tab." + name,
                new NotAvailableTab(getTranslation("history.action." + name)));
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
