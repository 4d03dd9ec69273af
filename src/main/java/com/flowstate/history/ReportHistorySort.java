package com.flowstate.history;

/**
 * Columns the Reports tab sorts by. Nullable columns sort through a non-null expression, since the keyset
 * comparison {@code (value, id) > (?, ?)} does not work on nulls.
 */
public enum ReportHistorySort implements SortColumn {
    CREATED_AT("h.created_at", "timestamptz"),
    OPPORTUNITY("o.name", "text"),
    TEMPLATE("h.template_name", "text"),
    RECIPIENT("coalesce(h.recipient_email, '')", "text"),
    SMTP_CREDENTIAL("h.smtp_credential_name", "text"),
    FROM_ADDRESS("coalesce(h.from_address, '')", "text"),
    DOCUMENT("coalesce(h.file_name, '')", "text"),
    STATUS("h.status", "text");

    private final String expression;
    private final String sqlType;

    ReportHistorySort(String expression, String sqlType) {
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

    /** Accepts the API's camelCase names ({@code fromAddress}) as well as the enum's. */
    public static ReportHistorySort parse(String name) {
        String normalized = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
        return valueOf(normalized);
    }
}
