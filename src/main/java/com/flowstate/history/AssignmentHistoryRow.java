package com.flowstate.history;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.flowstate.history.ActionStatus;
import com.flowstate.action.assignment.AssignmentCriterion;
import com.flowstate.action.assignment.AssignmentStatus;

/**
 * A row of the Assignment tab: one offer of an opportunity to a partner company, or an execution that found none.
 *
 * @param role              INSTALLER or SELLER; what the designer wrote when it was not a known role
 * @param assignedCompanyId null when no company was assigned (the row is then not completed, see lastError)
 * @param assignmentStatus  the seed's status: PENDING, ACCEPTED, REJECTED; null when the row is not an offer
 * @param criterion         how the company was chosen; null without a company
 * @param replacesId        the rejected row this one follows; null for the action's own choice
 * @param replacedCompany   who rejected it; null when the viewer is another partner company (a competitor's
 *                          rejection is not theirs to know)
 */
public record AssignmentHistoryRow(
        long id,
        long opportunityId,
        String opportunityName,
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
        ActionStatus state,
        int attempts,
        String lastError,
        String substateKey,
        String substateName,
        String trigger,
        Instant createdAt) {

    /** The action's outcome, like every tab's: true = a company was assigned, false = not completed. */
    @JsonProperty("status")
    public Boolean status() {
        return state.asBoolean();
    }

    /** Whether this row follows a rejection. */
    public boolean afterRejection() {
        return replacesId != null;
    }
}
