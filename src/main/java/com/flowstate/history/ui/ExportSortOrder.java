package com.flowstate.history.ui;

import java.util.List;

import com.flowstate.history.ExportHistorySort;
import com.flowstate.history.SortDirection;
import com.vaadin.flow.data.provider.QuerySortOrder;

/**
 * The Exports grid's sort, as the query understands it. The grid's sort properties are the REST API's sort names
 * ({@code createdAt}, {@code exportType}), so {@link ExportHistorySort#parse} maps them. Only the first counts.
 */
record ExportSortOrder(ExportHistorySort sort, SortDirection direction) {

    static final ExportSortOrder NEWEST_FIRST = new ExportSortOrder(ExportHistorySort.CREATED_AT, SortDirection.DESC);

    static ExportSortOrder of(List<QuerySortOrder> orders) {
        return orders.stream().findFirst()
                .map(order -> new ExportSortOrder(ExportHistorySort.parse(order.getSorted()),
                        order.getDirection() == com.vaadin.flow.data.provider.SortDirection.ASCENDING
                                ? SortDirection.ASC : SortDirection.DESC))
                .orElse(NEWEST_FIRST);
    }
}
