package com.flowstate.history.ui;

import java.util.List;

import com.flowstate.history.ReportHistorySort;
import com.flowstate.history.SortDirection;
import com.vaadin.flow.data.provider.QuerySortOrder;

/**
 * The grid's sort, as the query understands it. The grid's sort properties are the column keys, which are the
 * REST API's sort names ({@code createdAt}, {@code fromAddress}), so {@link ReportHistorySort#parse} maps them. The
 * query sorts by one column; only the first order counts.
 */
record ReportSortOrder(ReportHistorySort sort, SortDirection direction) {

    static final ReportSortOrder NEWEST_FIRST = new ReportSortOrder(ReportHistorySort.CREATED_AT, SortDirection.DESC);

    static ReportSortOrder of(List<QuerySortOrder> orders) {
        return orders.stream().findFirst()
                .map(order -> new ReportSortOrder(ReportHistorySort.parse(order.getSorted()),
                        order.getDirection() == com.vaadin.flow.data.provider.SortDirection.ASCENDING
                                ? SortDirection.ASC : SortDirection.DESC))
                .orElse(NEWEST_FIRST);
    }
}
