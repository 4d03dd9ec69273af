package com.flowstate.action;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.flowstate.history.ActionStatus;
import com.flowstate.i18n.Reason;

/**
 * The action's own columns of one execution's history row, as an attempt learns them. The platform writes them
 * with the shared columns (status, attempts, reason, times) when the attempt ends: all of them on success, the ones
 * known so far on a final failure, none when the attempt will be retried (its transaction rolls back).
 */
public final class HistoryRow {

    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]*");

    private final Map<String, Object> columns = new LinkedHashMap<>();
    private ActionStatus succeededAs = ActionStatus.SUCCEEDED;
    private Reason note;

    /** Sets a column of the action's table; an {@link Instant} is written as a timestamp. */
    public HistoryRow put(String column, Object value) {
        if (!COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("Not a column name: " + column);
        }
        columns.put(column, value instanceof Instant instant ? Timestamp.from(instant) : value);
        return this;
    }

    /**
     * The attempt did its part but the execution is not over: something else finishes it (e.g. a follow-up job),
     * so the row stays {@link ActionStatus#RUNNING} instead of succeeding.
     */
    public HistoryRow stillRunning() {
        succeededAs = ActionStatus.RUNNING;
        return this;
    }

    /** Something the reader should know about an execution that succeeded, shown as its reason. */
    public HistoryRow note(Reason reason) {
        note = reason;
        return this;
    }

    Reason note() {
        return note;
    }

    Map<String, Object> columns() {
        return Collections.unmodifiableMap(columns);
    }

    ActionStatus succeededAs() {
        return succeededAs;
    }
}
