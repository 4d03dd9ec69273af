package com.flowstate.retention;

import java.time.Instant;

/**
 * A dry run's answer for one tab: how many rows are older than its retention, counted up to a cap.
 *
 * @param tab    the tab's key
 * @param days   its retention
 * @param cutoff rows created before this are expired
 * @param count  how many, at most {@link com.flowstate.history.CappedCount#CAP}
 * @param capped true when there are more than {@code count}
 */
public record ExpiredRows(String tab, int days, Instant cutoff, long count, boolean capped) {
}
