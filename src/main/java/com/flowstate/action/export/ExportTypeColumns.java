package com.flowstate.action.export;

import java.util.List;

/**
 * What an admin can pick for one export type: its columns in their default order, and the filter fields beyond the
 * ones every type has (provinces, createdWithinDays).
 */
public record ExportTypeColumns(ExportType type, List<Column> columns, List<String> filters) {

    /** A column's key (what a template lists) and its header in the file. */
    public record Column(String key, String header) {
    }
}
