package com.flowstate.history.ui;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.vaadin.flow.component.Component;

/**
 * An action's tab in the action history: a bean in the action's {@code ui} package. The Action history view shows
 * one tab per provider, in {@link #order()}; the application does not start when an action has none.
 */
public class HistoryTabProvider {

    private final String action;
    private final String id;
    private final int order;
    private final String labelKey;
    private final Supplier<Component> content;

    /**
     * @param action   the action whose history the tab shows (its bean name)
     * @param id       the tab's element id, e.g. {@code tab-email}
     * @param order    position among the tabs, smallest first
     * @param labelKey translation key of the tab's title
     * @param content  makes the tab's content, new for each view
     */
    protected HistoryTabProvider(String action, String id, int order, String labelKey, Supplier<Component> content) {
        this.action = action;
        this.id = id;
        this.order = order;
        this.labelKey = labelKey;
        this.content = content;
    }

    public final String action() {
        return action;
    }

    public final String id() {
        return id;
    }

    public final int order() {
        return order;
    }

    /** The tab's title, in the user's language. */
    public String label(UnaryOperator<String> translate) {
        return translate.apply(labelKey);
    }

    public final Component create() {
        return content.get();
    }
}
