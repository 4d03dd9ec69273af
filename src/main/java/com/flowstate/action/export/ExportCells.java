package com.flowstate.action.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What a cell of an export says, the same in csv and xlsx. Text that a spreadsheet would take for a formula is
 * neutralised (CSV/formula injection, OWASP): a customer called {@code =HYPERLINK("http://evil","Click")} must reach
 * the recipient's Excel as text, not as a live link or a DDE call — in csv behind an apostrophe, in xlsx as a
 * quote-prefixed text cell.
 */
final class ExportCells {

    static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ExportCells() {
    }

    /**
     * Prefixes a single quote to text a spreadsheet would take for a formula (see {@link #looksLikeFormula}), so csv
     * readers show it as text. Everything else, null included, is returned unchanged.
     */
    static String neutralise(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }

    /**
     * Whether text starts with {@code = + - @}, a tab or a carriage return (OWASP's list) — also after leading
     * spaces, which spreadsheets skip before a formula.
     */
    static boolean looksLikeFormula(String text) {
        if (text == null) {
            return false;
        }
        int first = 0;
        while (first < text.length() && (text.charAt(first) == ' ' || text.charAt(first) == '\u00A0')) {
            first++;
        }
        if (first == text.length()) {
            return false;
        }
        return switch (text.charAt(first)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }

    /** The most an xlsx cell can hold (Excel's limit, which POI enforces). */
    static final int XLSX_MAX_CELL = 32_767;
    /** Ends a text cut to fit a cell, so the reader knows the cell does not hold all of it. */
    static final String TRUNCATED = "… [testo troncato]";

    /**
     * Text for an xlsx cell, cut to fit the cell with {@link #TRUNCATED} at its end when longer: one over-long value
     * (a pasted document as a name) must not make the whole export fail. Formula-like text is kept as it is: the
     * xlsx writer marks its cell quote-prefixed, which Excel shows as text without a visible apostrophe.
     */
    static String forXlsx(String text) {
        if (text == null || text.length() <= XLSX_MAX_CELL) {
            return text;
        }
        return text.substring(0, XLSX_MAX_CELL - TRUNCATED.length()) + TRUNCATED;
    }

    /** A value as csv text: numbers and booleans as they are, dates in ISO form, text neutralised. */
    static String asText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return neutralise(text);
        }
        if (value instanceof LocalDateTime dateTime) {
            return DATE_TIME.format(dateTime);
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        return value.toString();
    }
}
