package com.flowstate.retention;

import java.time.Instant;

/**
 * What a purge deleted from one tab.
 *
 * @param tab     the tab's key
 * @param days    its retention
 * @param cutoff  rows created before this were deleted
 * @param deleted how many rows of the tab (their children not counted)
 * @param batches in how many transactions
 */
public record PurgedRows(String tab, int days, Instant cutoff, long deleted, int batches) {
}
