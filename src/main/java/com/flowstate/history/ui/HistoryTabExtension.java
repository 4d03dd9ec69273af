package com.flowstate.history.ui;

/**
 * A feature that adds to every action's tab what the tab itself does not know (retry and resend controls, the
 * attempt log in a row's details): a bean the Action history view hands each tab to once the tab is built. The
 * feature depends on the history, never the other way round.
 */
public interface HistoryTabExtension {

    /** Adds to the tab of this action's history (the action's bean name). */
    void extend(String action, HistoryTab<?, ?> tab);
}
