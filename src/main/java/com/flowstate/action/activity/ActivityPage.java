package com.flowstate.action.activity;

import java.util.List;

/**
 * A page of activities by due date. {@code nextCursor} fetches the page after it (keyset paging); null on the last
 * page.
 */
public record ActivityPage(List<Activity> items, String nextCursor) {
}
