package com.flowstate.retention;

import java.time.Instant;

/**
 * How long one tab keeps its rows.
 *
 * @param tab       the tab's key ({@link RetentionTab#key()})
 * @param days      rows older than this many days are purged by the nightly job
 * @param minDays   the shortest retention the tab accepts
 * @param maxDays   the longest
 * @param updatedAt when it was last changed (null: the default since installation)
 * @param updatedBy by whom
 */
public record RetentionSetting(String tab, int days, int minDays, int maxDays, Instant updatedAt, String updatedBy) {
}
