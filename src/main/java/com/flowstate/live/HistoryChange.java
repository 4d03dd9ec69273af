package com.flowstate.live;

/**
 * One committed change of a history row, as the change feed announces it on every node.
 *
 * @param action        the history tab's key ({@code email, activity, substate, assignment, report, export,
 *                      webhook}), or {@code activity-task} for an activity's completion
 * @param rowId         the id of the row in that table
 * @param opportunityId its opportunity, or null (a scheduled export belongs to none)
 * @param status        the row's status after the change ({@code SCHEDULED … FAILED}; {@code OPEN}/{@code COMPLETED}
 *                      for an activity)
 * @param inserted      whether the row is new (else an existing row changed)
 */
public record HistoryChange(String action, long rowId, Long opportunityId, String status, boolean inserted) {

    /** The channel the database triggers of migration V22 notify on. */
    public static final String CHANNEL = "flowstate_history";
}
