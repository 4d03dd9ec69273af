package com.flowstate.history;

import java.util.Locale;

/**
 * The order a client asked for: a column name and a direction. Every endpoint reads it the same way from
 * {@code sort=column[,asc|desc]} (newest first when absent); the tab's query then checks the column is one it sorts
 * by.
 */
public record HistorySort(String column, SortDirection direction) {

    public static final HistorySort NEWEST_FIRST = new HistorySort("createdAt", SortDirection.DESC);

    public static HistorySort asc(String column) {
        return new HistorySort(column, SortDirection.ASC);
    }

    public static HistorySort desc(String column) {
        return new HistorySort(column, SortDirection.DESC);
    }

    /**
     * Reads {@code column[,asc|desc]}; null or blank is {@link #NEWEST_FIRST}.
     *
     * @throws IllegalArgumentException naming the parameter, for anything else
     */
    public static HistorySort parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return NEWEST_FIRST;
        }
        String[] parts = sort.split(",", -1);
        String column = parts[0].strip();
        if (parts.length > 2 || column.isEmpty()) {
            throw new IllegalArgumentException("Invalid sort '" + sort + "': expected column[,asc|desc]");
        }
        if (parts.length == 1) {
            return desc(column);
        }
        return switch (parts[1].strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> asc(column);
            case "desc", "" -> desc(column);
            default -> throw new IllegalArgumentException("Invalid sort direction '" + parts[1].strip()
                    + "': expected asc or desc");
        };
    }
}
