package com.flowstate.history;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * The paging query parameters every history endpoint takes.
 *
 * @param sort   {@code column[,asc|desc]}, newest first by default
 * @param size   rows per page, 1 to {@value HistoryQuery#MAX_PAGE_SIZE} (default 50)
 * @param cursor the previous page's {@code nextCursor}
 */
public record PageParameters(
        @Parameter(description = "column,direction e.g. createdAt,desc") String sort,
        @Parameter(description = "rows per page, at most 500 (default 50)") Integer size,
        @Parameter(description = "the previous page's nextCursor") String cursor) {

    public PageParameters {
        size = size == null ? 50 : size;
    }
}
