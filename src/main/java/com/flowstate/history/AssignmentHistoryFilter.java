package com.flowstate.history;

import java.time.LocalDate;

import com.flowstate.action.assignment.AssignmentStatus;
import com.flowstate.action.assignment.PartnerRole;

/**
 * Filters of the Assignment tab: opportunity and assigned company (contains, ignoring case), the offer's
 * {@code decision} (pending / accepted / rejected: the seed's status), the role, the action's outcome
 * ({@code status} true = a company was assigned, false = not completed) and a date range; null = any.
 */
public record AssignmentHistoryFilter(
        Long opportunityId,
        String opportunity,
        String assignedCompany,
        AssignmentStatus decision,
        PartnerRole role,
        Boolean status,
        LocalDate from,
        LocalDate to) {

    public static AssignmentHistoryFilter empty() {
        return new AssignmentHistoryFilter(null, null, null, null, null, null, null, null);
    }

    public AssignmentHistoryFilter withOpportunityId(Long value) {
        return new AssignmentHistoryFilter(value, opportunity, assignedCompany, decision, role, status, from, to);
    }

    public AssignmentHistoryFilter withOpportunity(String value) {
        return new AssignmentHistoryFilter(opportunityId, value, assignedCompany, decision, role, status, from, to);
    }

    public AssignmentHistoryFilter withAssignedCompany(String value) {
        return new AssignmentHistoryFilter(opportunityId, opportunity, value, decision, role, status, from, to);
    }

    public AssignmentHistoryFilter withDecision(AssignmentStatus value) {
        return new AssignmentHistoryFilter(opportunityId, opportunity, assignedCompany, value, role, status, from, to);
    }

    public AssignmentHistoryFilter withRole(PartnerRole value) {
        return new AssignmentHistoryFilter(opportunityId, opportunity, assignedCompany, decision, value, status, from,
                to);
    }

    public AssignmentHistoryFilter withStatus(Boolean value) {
        return new AssignmentHistoryFilter(opportunityId, opportunity, assignedCompany, decision, role, value, from,
                to);
    }

    public AssignmentHistoryFilter withFrom(LocalDate value) {
        return new AssignmentHistoryFilter(opportunityId, opportunity, assignedCompany, decision, role, status, value,
                to);
    }

    public AssignmentHistoryFilter withTo(LocalDate value) {
        return new AssignmentHistoryFilter(opportunityId, opportunity, assignedCompany, decision, role, status, from,
                value);
    }
}
