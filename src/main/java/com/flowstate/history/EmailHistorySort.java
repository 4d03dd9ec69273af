package com.flowstate.history;

/** Columns the E-mail tab sorts by; each is a column of the query's index-friendly ORDER BY. */
public enum EmailHistorySort implements SortColumn {
    CREATED_AT("h.created_at", "timestamptz"),
    OPPORTUNITY("o.name", "text"),
    TEMPLATE("h.template_name", "text"),
    RECIPIENT("coalesce(h.recipient_email, '')", "text"),
    SMTP_CREDENTIAL("h.smtp_credential_name", "text"),
    STATUS("h.status", "text");

    private final String expression;
    private final String sqlType;

    EmailHistorySort(String expression, String sqlType) {
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

    /** Accepts the API's camelCase names ({@code createdAt}) as well as the enum's. */
    public static EmailHistorySort parse(String name) {
        String normalized = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
        return valueOf(normalized);
    }
}
