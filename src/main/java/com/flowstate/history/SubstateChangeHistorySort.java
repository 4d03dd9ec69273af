package com.flowstate.history;

/** Columns the Substates tab sorts by; each is a column of the query's index-friendly ORDER BY. */
public enum SubstateChangeHistorySort implements SortColumn {
    CREATED_AT("h.created_at", "timestamptz"),
    OPPORTUNITY("o.name", "text"),
    CHANGE_TYPE("coalesce(h.change_type, '')", "text"),
    SUBSTATE("coalesce(h.target_substate_name, h.target_substate_key, '')", "text"),
    STATUS("h.status", "text");

    private final String expression;
    private final String sqlType;

    SubstateChangeHistorySort(String expression, String sqlType) {
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

    /** Accepts the API's camelCase names ({@code changeType}) as well as the enum's. */
    public static SubstateChangeHistorySort parse(String name) {
        String normalized = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
        return valueOf(normalized);
    }
}
