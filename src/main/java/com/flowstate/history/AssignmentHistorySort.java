package com.flowstate.history;

/** Columns the Assignment tab sorts by; each is a column of the query's ORDER BY, never null (keyset). */
public enum AssignmentHistorySort implements SortColumn {
    CREATED_AT("h.created_at", "timestamptz"),
    OPPORTUNITY("o.name", "text"),
    ASSIGNED_COMPANY("coalesce(c.name, '')", "text"),
    STATUS("coalesce(h.assignment_status, '')", "text"),
    ROLE("coalesce(h.role, '')", "text");

    private final String expression;
    private final String sqlType;

    AssignmentHistorySort(String expression, String sqlType) {
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

    /** Accepts the API's camelCase names ({@code assignedCompany}) as well as the enum's. */
    public static AssignmentHistorySort parse(String name) {
        return valueOf(name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
    }
}
