package com.flowstate.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The columns one tab sorts by, by name. */
public final class SortColumns {

    private final Map<String, SortColumn> byName = new LinkedHashMap<>();

    private SortColumns(List<SortColumn> columns) {
        columns.forEach(column -> byName.put(column.name(), column));
    }

    public static SortColumns of(SortColumn... columns) {
        return new SortColumns(List.of(columns));
    }

    /**
     * The columns of an action's tab: the ones every action's row has (creation time, opportunity name, status)
     * and the tab's own.
     */
    public static SortColumns forActions(SortColumn... own) {
        List<SortColumn> columns = new ArrayList<>(List.of(SortColumn.of("createdAt", "h.created_at", "timestamptz"),
                SortColumn.text("opportunity", "o.name"), SortColumn.text("status", "h.status")));
        columns.addAll(List.of(own));
        return new SortColumns(columns);
    }

    /**
     * The column a sort names.
     *
     * @throws IllegalArgumentException naming the column and the ones there are
     */
    public SortColumn column(HistorySort sort) {
        SortColumn column = byName.get(sort.column());
        if (column == null) {
            throw new IllegalArgumentException("Unknown sort column '" + sort.column() + "' (expected one of "
                    + byName.keySet().stream().collect(Collectors.joining(", ")) + ")");
        }
        return column;
    }
}
