package com.flowstate.history;

/**
 * Columns the Activities tab sorts by. Nullable columns sort through a non-null expression, since the keyset
 * comparison {@code (value, id) > (?, ?)} does not work on nulls.
 */
public enum ActivityHistorySort implements SortColumn {
    CREATED_AT("h.created_at", "timestamptz"),
    OPPORTUNITY("o.name", "text"),
    ACTIVITY_TYPE("coalesce(h.activity_type, '')", "text"),
    COMPLETED("(a.completed_at is not null)", "boolean"),
    DUE_DATE("coalesce(a.due_date, date '9999-12-31')", "date"),
    STATUS("h.status", "text");

    private final String expression;
    private final String sqlType;

    ActivityHistorySort(String expression, String sqlType) {
        this.expression = expression;
        this.sqlType = sqlType;
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public String sqlType() {
        return sqlType;
    }

    /** Accepts the API's camelCase names ({@code activityType}) as well as the enum's. */
    public static ActivityHistorySort parse(String name) {
        String normalized = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
        return valueOf(normalized);
    }
}
