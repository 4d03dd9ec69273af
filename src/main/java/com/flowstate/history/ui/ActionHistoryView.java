package com.flowstate.history.ui;

import java.util.Comparator;
import java.util.List;

import com.flowstate.history.OutcomeCounts;
import com.flowstate.security.CurrentUser;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** What the automatic actions did: one tab per action, each contributed by the action's own package. */
@Route("account/history")
@PermitAll
public class ActionHistoryView extends VerticalLayout implements HasDynamicTitle {

    ActionHistoryView(List<HistoryTabProvider> tabs, OutcomeCounts outcomes) {
        setSizeFull();
        add(new ActionHistoryDashboard(outcomes, tabs, CurrentUser.scope()), createTabs(tabs));
    }

    private TabSheet createTabs(List<HistoryTabProvider> providers) {
        TabSheet tabs = new TabSheet();
        tabs.setId("action-history-tabs");
        tabs.setSizeFull();
        providers.stream().sorted(Comparator.comparingInt(HistoryTabProvider::order)).forEach(provider -> {
            Tab tab = new Tab(provider.label(this::getTranslation));
            tab.setId(provider.id());
            tabs.add(tab, provider.create());
        });
        return tabs;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("history.title");
    }
}
