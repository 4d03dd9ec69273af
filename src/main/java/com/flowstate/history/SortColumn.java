package com.flowstate.history;

/**
 * A column a history tab sorts by.
 *
 * @param name       the name clients use ({@code sort=createdAt,desc}) and cursors remember
 * @param expression its SQL expression; never null (the keyset comparison {@code (value, id) < (?, ?)} does not
 *                   work on nulls: sort a nullable column through {@code coalesce})
 * @param sqlType    {@code text}, {@code timestamptz}, {@code bigint}…: how a cursor's value is cast back
 */
public record SortColumn(String name, String expression, String sqlType) {

    public static SortColumn text(String name, String expression) {
        return new SortColumn(name, expression, "text");
    }

    public static SortColumn of(String name, String expression, String sqlType) {
        return new SortColumn(name, expression, sqlType);
    }
}
