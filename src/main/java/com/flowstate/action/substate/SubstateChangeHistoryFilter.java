package com.flowstate.action.substate;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import com.flowstate.history.ActionFilter;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * Filters of the Substates tab, one per seed column plus manual and a date range; null = any. Text filters match
 * "contains", ignoring case; {@code substate} matches the changed substate's name or key. {@code status} true =
 * completed, false = not completed, null = any (rows still under way included); {@code manual} true = changes users
 * made by hand, false = the actions' changes, null = both.
 */
public record SubstateChangeHistoryFilter(
        Long opportunityId,
        @Parameter(description = "opportunity name contains") String opportunity,
        @Parameter(description = "OPEN, CLOSE or MIGRATE") SubstateChangeKind changeType,
        @Parameter(description = "name or key of the substate opened or closed contains") String substate,
        @Parameter(description = "true = completed, false = not completed") Boolean status,
        @Parameter(description = "true = changes users made by hand, false = the actions' changes") Boolean manual,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) implements ActionFilter {

    public static SubstateChangeHistoryFilter ofOpportunity(long opportunityId) {
        return new SubstateChangeHistoryFilter(opportunityId, null, null, null, null, null, null, null);
    }
}
