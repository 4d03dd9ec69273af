package com.flowstate.history.ui;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.flowstate.history.OutcomeCounts;
import com.flowstate.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * What the automatic actions did: one tab per action, each contributed by the action's own package.
 *
 * <p>The URL says what the user looks at, so it can be shared and the back button goes back to it:
 * {@code /account/history?tab=email&status=false&from=2026-01-01&sort=template&dir=asc&row=42} — the tab (its id
 * without {@code tab-}), the tab's filters by their REST names, the sort and the row whose details are open. A value
 * the page cannot use is ignored.
 */
@Route(ActionHistoryView.PATH)
@PermitAll
@StyleSheet("context://styles/history.css")
public class ActionHistoryView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    public static final String PATH = "account/history";

    private final TabSheet tabs = new TabSheet();
    private final Map<String, Tab> tabsByKey = new LinkedHashMap<>();
    private final Map<Tab, Component> contents = new LinkedHashMap<>();
    private boolean entering;
    private QueryParameters shown;

    private final List<HistoryTabExtension> extensions;
    private ActionHistoryDashboard dashboard;

    ActionHistoryView(List<HistoryTabProvider> providers, List<HistoryTabExtension> extensions,
                      OutcomeCounts outcomes) {
        this.extensions = extensions;
        setSizeFull();
        addClassName("action-history");
        dashboard = new ActionHistoryDashboard(outcomes, providers, CurrentUser.scope());
        add(dashboard, createTabs(providers));
    }

    private TabSheet createTabs(List<HistoryTabProvider> providers) {
        tabs.setId("action-history-tabs");
        tabs.setSizeFull();
        providers.stream().sorted(Comparator.comparingInt(HistoryTabProvider::order)).forEach(provider -> {
            Tab tab = new Tab(provider.label(this::getTranslation));
            tab.setId(provider.id());
            Component content = provider.create();
            if (content instanceof HistoryTab<?, ?> historyTab) {
                extensions.forEach(extension -> extension.extend(provider.action(), historyTab));
                historyTab.onStateChange(this::writeUrl);
            }
            tabsByKey.put(key(provider.id()), tab);
            contents.put(tab, content);
            tabs.add(tab, content);
        });
        tabs.addSelectedChangeListener(change -> {
            if (!entering && change.isFromClient()) {
                writeUrl();
            }
        });
        return tabs;
    }

    /**
     * The tab's name in the URL, singular like the action: {@code tab-email} → {@code email}, {@code tab-activities}
     * → {@code activity}, {@code tab-exports} → {@code export}.
     */
    static String key(String tabId) {
        String name = tabId.startsWith("tab-") ? tabId.substring(4) : tabId;
        if (name.endsWith("ies")) {
            return name.substring(0, name.length() - 3) + "y";
        }
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        if (parameters.equals(shown)) {
            return;
        }
        entering = true;
        try {
            Map<String, String> single = new LinkedHashMap<>();
            parameters.getParameters().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    single.put(name, values.get(0));
                }
            });
            // A link to filtered rows or to one row (from the timeline, a colleague, a dashboard number) wants the
            // tab: the summary folds away so the rows are in view.
            if (single.keySet().stream().anyMatch(name -> !name.equals("tab"))) {
                dashboard.setOpened(false);
            }
            String key = single.get("tab");
            // The singular key of the contract; the tab's plural id (exports) is taken too.
            Tab tab = key == null ? null : tabsByKey.get(key(key.strip().toLowerCase()));
            if (tab == null) {
                tab = tabsByKey.values().iterator().next();
            }
            tabs.setSelectedTab(tab);
            if (contents.get(tab) instanceof HistoryTab<?, ?> historyTab) {
                historyTab.applyUrlParameters(single);
            }
            shown = parameters;
        } finally {
            entering = false;
        }
    }

    /** Puts the selected tab's state in the address bar as a new history entry. */
    private void writeUrl() {
        Tab tab = tabs.getSelectedTab();
        if (tab == null) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("tab", key(tab.getId().orElse("")));
        if (contents.get(tab) instanceof HistoryTab<?, ?> historyTab) {
            parameters.putAll(historyTab.urlParameters());
        }
        QueryParameters query = QueryParameters.simple(parameters);
        if (query.equals(shown)) {
            return;
        }
        shown = query;
        getUI().ifPresent(ui -> ui.navigate(PATH, query));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("history.title");
    }
}
