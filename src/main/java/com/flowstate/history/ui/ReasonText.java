package com.flowstate.history.ui;

import java.util.Locale;

import com.flowstate.history.ActionHistoryRow;
import com.flowstate.i18n.Reason;

/**
 * A history row's reason in the reader's language: its code's text ({@code reason.<code>}) with its parameters, or
 * the stored text of a row written before reasons had codes.
 */
public final class ReasonText {

    private ReasonText() {
    }

    /** The row's reason in the language; empty when the row has none. */
    public static String of(ActionHistoryRow row, Locale locale) {
        return of(row.reason(), locale);
    }

    /** The reason in the language; empty when there is none. */
    public static String of(Reason reason, Locale locale) {
        return reason == null ? "" : reason.in(locale);
    }
}
