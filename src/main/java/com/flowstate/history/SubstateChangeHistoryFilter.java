package com.flowstate.history;

import java.time.LocalDate;

import com.flowstate.flow.SubstateChangeType;

/**
 * Filters of the Substates tab, one per seed column plus manual and a date range. Text filters match "contains",
 * ignoring case; {@code substate} matches the changed substate's name or key. {@code status} true = completed,
 * false = not completed, null = any (rows still under way included); {@code manual} true = changes users made by
 * hand, false = the actions' changes, null = both.
 */
public record SubstateChangeHistoryFilter(
        Long opportunityId,
        String opportunity,
        SubstateChangeType changeType,
        String substate,
        Boolean status,
        Boolean manual,
        LocalDate from,
        LocalDate to) {

    public static SubstateChangeHistoryFilter empty() {
        return new SubstateChangeHistoryFilter(null, null, null, null, null, null, null, null);
    }

    public SubstateChangeHistoryFilter withOpportunityId(Long value) {
        return new SubstateChangeHistoryFilter(value, opportunity, changeType, substate, status, manual, from, to);
    }

    public SubstateChangeHistoryFilter withOpportunity(String value) {
        return new SubstateChangeHistoryFilter(opportunityId, value, changeType, substate, status, manual, from, to);
    }

    public SubstateChangeHistoryFilter withChangeType(SubstateChangeType value) {
        return new SubstateChangeHistoryFilter(opportunityId, opportunity, value, substate, status, manual, from, to);
    }

    public SubstateChangeHistoryFilter withSubstate(String value) {
        return new SubstateChangeHistoryFilter(opportunityId, opportunity, changeType, value, status, manual, from, to);
    }

    public SubstateChangeHistoryFilter withStatus(Boolean value) {
        return new SubstateChangeHistoryFilter(opportunityId, opportunity, changeType, substate, value, manual, from, to);
    }

    public SubstateChangeHistoryFilter withManual(Boolean value) {
        return new SubstateChangeHistoryFilter(opportunityId, opportunity, changeType, substate, status, value, from, to);
    }

    public SubstateChangeHistoryFilter withFrom(LocalDate value) {
        return new SubstateChangeHistoryFilter(opportunityId, opportunity, changeType, substate, status, manual, value, to);
    }

    public SubstateChangeHistoryFilter withTo(LocalDate value) {
        return new SubstateChangeHistoryFilter(opportunityId, opportunity, changeType, substate, status, manual, from, value);
    }
}
