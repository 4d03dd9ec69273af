package com.flowstate.action.export;

import java.util.Optional;

/**
 * What an export template exports. Each type has its own catalogue of columns and filters ({@link ExportDataset});
 * all of them are opportunity data, so every export is read within a partner scope.
 */
public enum ExportType {
    /** One row per opportunity, with customer, address, partners and open substates. */
    OPPORTUNITIES,
    /** One row per activity (call, visit…), completed or not. */
    ACTIVITIES,
    /** The E-mail tab of the action history: one row per e-mail action execution. */
    EMAIL_HISTORY;

    /** Accepts any case and surrounding blanks; empty for anything else. */
    public static Optional<ExportType> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
