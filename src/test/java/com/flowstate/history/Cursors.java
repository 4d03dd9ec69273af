package com.flowstate.history;

/** Makes the cursor of a position without paging to it: the benchmarks' deep pages. */
public final class Cursors {

    private Cursors() {
    }

    /**
     * The cursor that fetches the rows after the row with this sort value (as the query casts it to text) and id.
     */
    public static String after(String sort, SortDirection direction, String sortValue, long id) {
        return new Cursor(sort, direction, sortValue, id).encode();
    }
}
