package com.flowstate.history;

import java.util.List;

/**
 * One page of a history tab. {@code nextCursor} fetches the page after it (keyset paging: deep pages cost what the
 * first one does); null on the last page. No total count: counting millions of rows on every page is what makes
 * history pages slow.
 */
public record Page<T>(List<T> items, String nextCursor) {
}
