package com.flowstate.history;

import com.flowstate.security.PartnerScope;

/**
 * A history tab's query: one page of the rows a partner scope may see, filtered and sorted, after a keyset cursor.
 * The Vaadin tab and the REST endpoint both call it, so a partner never sees another company's rows on either.
 *
 * @param <R> row
 * @param <F> filter
 */
@FunctionalInterface
public interface HistoryQuery<R, F> {

    /** The largest page a client may ask for. */
    int MAX_PAGE_SIZE = 500;

    /**
     * @param cursor the previous page's {@link Page#nextCursor()}, or null for the first page
     * @throws IllegalArgumentException for an unknown sort column or a cursor that does not belong to this sort
     */
    Page<R> page(PartnerScope scope, F filter, HistorySort sort, String cursor, int size);

    /** A page as the REST API's query parameters ask for it. */
    default Page<R> page(PartnerScope scope, F filter, PageParameters page) {
        return page(scope, filter, HistorySort.parse(page.sort()), page.cursor(), page.size());
    }
}
