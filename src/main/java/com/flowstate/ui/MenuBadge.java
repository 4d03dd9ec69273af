package com.flowstate.ui;

import com.vaadin.flow.component.Component;

/**
 * A feature's badge beside one of the shell's menu entries (e.g. the inbox's count), so the shell shows it without
 * depending on the feature: a bean of the feature's package, matched by the entry's path.
 */
public interface MenuBadge {

    /** The path of the menu entry the badge goes beside, as the shell links it (e.g. {@code inbox}). */
    String path();

    /** A new badge for the current user's menu. */
    Component create();
}
