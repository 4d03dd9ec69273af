package com.flowstate.action.assignment.ui;

import com.flowstate.action.assignment.AssignmentHistoryRow;
import com.flowstate.history.ActionStatus;

/**
 * The one status of an Assignment row, folded from the action's outcome and the offer's answer: while the action is
 * under way its state; once it failed (no candidate, a bad role) failed; once the offer is made, the answer.
 */
enum AssignmentState {
    SCHEDULED, RUNNING, RETRYING, FAILED, PENDING, ACCEPTED, REJECTED;

    static AssignmentState of(AssignmentHistoryRow row) {
        ActionStatus action = row.action().state();
        if (action != ActionStatus.SUCCEEDED || row.assignmentStatus() == null) {
            return switch (action) {
                case SCHEDULED -> SCHEDULED;
                case RUNNING -> RUNNING;
                case RETRYING -> RETRYING;
                // A succeeded action always made an offer; without one the row can only have failed.
                case FAILED, SUCCEEDED -> FAILED;
            };
        }
        return switch (row.assignmentStatus()) {
            case PENDING -> PENDING;
            case ACCEPTED -> ACCEPTED;
            case REJECTED -> REJECTED;
        };
    }

    String theme() {
        return switch (this) {
            case ACCEPTED -> "success";
            case FAILED, REJECTED -> "error";
            case PENDING -> "contrast";
            case SCHEDULED, RUNNING, RETRYING -> "";
        };
    }
}
