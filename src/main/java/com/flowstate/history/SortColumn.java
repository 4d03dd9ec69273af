package com.flowstate.history;

/** A column a history tab sorts by: its SQL expression and the type to cast a cursor value back to. */
public interface SortColumn {

    /** Stable name, written into cursors. */
    String name();

    String expression();

    /** {@code text}, {@code timestamptz}, {@code bigint}…: how a cursor's value is cast back for comparison. */
    String sqlType();
}
