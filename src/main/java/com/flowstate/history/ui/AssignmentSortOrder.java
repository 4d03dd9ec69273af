package com.flowstate.history.ui;

import java.util.List;

import com.flowstate.history.AssignmentHistorySort;
import com.flowstate.history.SortDirection;
import com.vaadin.flow.data.provider.QuerySortOrder;

/**
 * The Assignment grid's sort, as the query understands it: the grid's sort properties are the REST API's sort
 * names ({@code assignedCompany}), which {@link AssignmentHistorySort#parse} maps. Only the first order counts.
 */
record AssignmentSortOrder(AssignmentHistorySort sort, SortDirection direction) {

    static final AssignmentSortOrder NEWEST_FIRST =
            new AssignmentSortOrder(AssignmentHistorySort.CREATED_AT, SortDirection.DESC);

    static AssignmentSortOrder of(List<QuerySortOrder> orders) {
        return orders.stream().findFirst()
                .map(order -> new AssignmentSortOrder(AssignmentHistorySort.parse(order.getSorted()),
                        order.getDirection() == com.vaadin.flow.data.provider.SortDirection.ASCENDING
                                ? SortDirection.ASC : SortDirection.DESC))
                .orElse(NEWEST_FIRST);
    }
}
