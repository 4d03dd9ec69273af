package com.flowstate.history;

/**
 * Columns the Webhook tab sorts by. Nullable columns sort through a non-null expression, since the keyset comparison
 * {@code (value, id) > (?, ?)} does not work on nulls.
 */
public enum WebhookHistorySort implements SortColumn {
    CREATED_AT("h.created_at", "timestamptz"),
    OPPORTUNITY("o.name", "text"),
    URL("h.url", "text"),
    RESPONSE_CODE("coalesce(h.response_code, 0)", "int"),
    STATUS("h.status", "text");

    private final String expression;
    private final String sqlType;

    WebhookHistorySort(String expression, String sqlType) {
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

    /** Accepts the API's camelCase names ({@code responseCode}) as well as the enum's. */
    public static WebhookHistorySort parse(String name) {
        String normalized = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
        return valueOf(normalized);
    }
}
