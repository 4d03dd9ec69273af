package com.flowstate.history;

/** A row of an action's tab: the columns every action has, and the action's own beside them. */
public interface ActionHistoryRow {

    /** The columns every action's row has. */
    ActionRow action();
}
