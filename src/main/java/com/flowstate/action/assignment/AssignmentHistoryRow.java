package com.flowstate.action.assignment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.flowstate.history.ActionHistoryRow;
import com.flowstate.history.ActionRow;

/**
 * A row of the Assignment tab: one offer of an opportunity to a partner company, or an execution that found none.
 * The action's outcome ({@code status} true = a company was assigned, false = not completed) is every tab's.
 *
 * @param role              INSTALLER or SELLER; what the designer wrote when it was not a known role
 * @param assignedCompanyId null when no company was assigned (the row is then not completed, see lastError)
 * @param assignmentStatus  the seed's status: PENDING, ACCEPTED, REJECTED; null when the row is not an offer
 * @param criterion         how the company was chosen; null without a company
 * @param replacesId        the rejected row this one follows; null for the action's own choice
 * @param replacedCompany   who rejected it; null when the viewer is another partner company (a competitor's
 *                          rejection is not theirs to know)
 * @param decidedBy         the username of who accepted or rejected; {@code decidedByName} is what people read
 */
public record AssignmentHistoryRow(
        @JsonUnwrapped ActionRow action,
        String role,
        Long assignedCompanyId,
        String assignedCompany,
        AssignmentStatus assignmentStatus,
        AssignmentCriterion criterion,
        Long replacesId,
        String replacedCompany,
        Instant assignedAt,
        Instant decidedAt,
        String decidedBy,
        String rejectionReason,
        String decidedByName) implements ActionHistoryRow {

    /** Whether this row follows a rejection. */
    public boolean afterRejection() {
        return replacesId != null;
    }
}
