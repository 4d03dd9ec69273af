package com.flowstate.action.export;

/**
 * One column an export type offers.
 *
 * @param key        what a template lists in {@code columns}
 * @param header     the file's header cell (Italian, the platform's language)
 * @param expression SQL over the type's {@link ExportDataset#from()} clause; a constant of the code, never user input
 */
record ExportColumn(String key, String header, String expression, Kind kind) {

    /** How a value is read from the result set and written as a cell. */
    enum Kind {
        TEXT, NUMBER, DATE, TIMESTAMP, BOOLEAN
    }

    static ExportColumn text(String key, String header, String expression) {
        return new ExportColumn(key, header, expression, Kind.TEXT);
    }

    static ExportColumn number(String key, String header, String expression) {
        return new ExportColumn(key, header, expression, Kind.NUMBER);
    }

    static ExportColumn date(String key, String header, String expression) {
        return new ExportColumn(key, header, expression, Kind.DATE);
    }

    static ExportColumn timestamp(String key, String header, String expression) {
        return new ExportColumn(key, header, expression, Kind.TIMESTAMP);
    }

    static ExportColumn bool(String key, String header, String expression) {
        return new ExportColumn(key, header, expression, Kind.BOOLEAN);
    }
}
