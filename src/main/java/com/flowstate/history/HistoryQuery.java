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

    /**
     * The cursor {@code rows} rows after {@code cursor} (null: from the first row), for a grid whose scroll bar jumps
     * far ahead; null when fewer rows follow. This default reads the pages in between; a query that can skip rows
     * without reading them overrides it.
     */
    default String cursorAfter(PartnerScope scope, F filter, HistorySort sort, String cursor, int rows) {
        String position = cursor;
        int left = rows;
        while (left > 0) {
            int size = Math.min(left, MAX_PAGE_SIZE);
            Page<R> page = page(scope, filter, sort, position, size);
            if (page.items().size() < size || page.nextCursor() == null) {
                return null;
            }
            left -= size;
            position = page.nextCursor();
        }
        return position;
    }

    /** About how many rows the scope and filter hold, without counting them; 0 when the query cannot tell. */
    default long estimate(PartnerScope scope, F filter) {
        return 0;
    }

    /** A page as the REST API's query parameters ask for it. */
    default Page<R> page(PartnerScope scope, F filter, PageParameters page) {
        return page(scope, filter, HistorySort.parse(page.sort()), page.cursor(), page.size());
    }
}
