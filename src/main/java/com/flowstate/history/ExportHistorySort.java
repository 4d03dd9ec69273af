package com.flowstate.history;

/**
 * Columns the Exports tab sorts by. Nullable columns sort through a non-null expression, since the keyset
 * comparison {@code (value, id) > (?, ?)} does not work on nulls.
 */
public enum ExportHistorySort {
    CREATED_AT("h.created_at", "timestamptz"),
    TEMPLATE("h.template_name", "text"),
    EXPORT_TYPE("coalesce(h.export_type, '')", "text"),
    EXTENSION("coalesce(h.extension, '')", "text"),
    RECIPIENT("coalesce(h.recipient_email, h.recipient, '')", "text"),
    STATUS("h.status", "text");

    final String expression;
    final String sqlType;

    ExportHistorySort(String expression, String sqlType) {
        this.expression = expression;
        this.sqlType = sqlType;
    }

    /** Accepts the API's camelCase names ({@code exportType}) as well as the enum's. */
    public static ExportHistorySort parse(String name) {
        String normalized = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
        return valueOf(normalized);
    }
}
