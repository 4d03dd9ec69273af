package com.flowstate.history.ui;

import java.util.List;

import com.flowstate.history.SortDirection;
import com.flowstate.history.SubstateChangeHistorySort;
import com.vaadin.flow.data.provider.QuerySortOrder;

/**
 * The Substates grid's sort, as the query understands it. The grid's sort properties are the column keys, which are
 * the REST API's sort names ({@code createdAt}, {@code changeType}). The query sorts by one column; only the first
 * order counts.
 */
record SubstateChangeSortOrder(SubstateChangeHistorySort sort, SortDirection direction) {

    static final SubstateChangeSortOrder NEWEST_FIRST =
            new SubstateChangeSortOrder(SubstateChangeHistorySort.CREATED_AT, SortDirection.DESC);

    static SubstateChangeSortOrder of(List<QuerySortOrder> orders) {
        return orders.stream().findFirst()
                .map(order -> new SubstateChangeSortOrder(SubstateChangeHistorySort.parse(order.getSorted()),
                        order.getDirection() == com.vaadin.flow.data.provider.SortDirection.ASCENDING
                                ? SortDirection.ASC : SortDirection.DESC))
                .orElse(NEWEST_FIRST);
    }
}
