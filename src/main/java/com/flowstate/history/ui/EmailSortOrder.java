package com.flowstate.history.ui;

import java.util.List;

import com.flowstate.history.EmailHistorySort;
import com.flowstate.history.SortDirection;
import com.vaadin.flow.data.provider.QuerySortOrder;

/**
 * The grid's sort, as the query understands it. The grid's sort properties are the column keys, which are the
 * REST API's sort names ({@code createdAt}, {@code smtpCredential}), so {@link EmailHistorySort#parse} maps them.
 * The query sorts by one column; only the first order counts.
 */
record EmailSortOrder(EmailHistorySort sort, SortDirection direction) {

    static final EmailSortOrder NEWEST_FIRST = new EmailSortOrder(EmailHistorySort.CREATED_AT, SortDirection.DESC);

    static EmailSortOrder of(List<QuerySortOrder> orders) {
        return orders.stream().findFirst()
                .map(order -> new EmailSortOrder(EmailHistorySort.parse(order.getSorted()),
                        order.getDirection() == com.vaadin.flow.data.provider.SortDirection.ASCENDING
                                ? SortDirection.ASC : SortDirection.DESC))
                .orElse(NEWEST_FIRST);
    }
}
