package com.flowstate.history;

import java.time.Instant;

/**
 * A row of an action's tab: the columns every action has ({@link #action()}), and the action's own beside them.
 * The shared columns can be read straight off the row too ({@code row.lastError()}).
 */
public interface ActionHistoryRow {

    /** The columns every action's row has. */
    ActionRow action();

    default long id() {
        return action().id();
    }

    default Long opportunityId() {
        return action().opportunityId();
    }

    default String opportunityName() {
        return action().opportunityName();
    }

    default ActionStatus state() {
        return action().state();
    }

    /** The seed's status: true = succeeded, false = failed, null while under way. */
    default Boolean status() {
        return action().status();
    }

    default int attempts() {
        return action().attempts();
    }

    default String lastError() {
        return action().lastError();
    }

    /** Why the execution failed, as a code and parameters for the reader's language; null when nothing to say. */
    default com.flowstate.i18n.Reason reason() {
        return action().reason();
    }

    default String substateKey() {
        return action().substateKey();
    }

    default String substateName() {
        return action().substateName();
    }

    default String trigger() {
        return action().trigger();
    }

    default Instant createdAt() {
        return action().createdAt();
    }
}
