package com.flowstate.history;

import java.time.LocalDate;

/**
 * Filters of the Activities tab, one per seed column plus status and a date range. {@code opportunity} matches
 * "contains", ignoring case; {@code activityType} is a type name (CALL, VISIT…), any case. {@code completed} true =
 * the activity is completed now, false = it exists and is still open (executions that created no activity match
 * neither); {@code status} true = created, false = failed; null = any.
 */
public record ActivityHistoryFilter(
        Long opportunityId,
        String opportunity,
        String activityType,
        Boolean completed,
        Boolean status,
        LocalDate from,
        LocalDate to) {

    public static ActivityHistoryFilter empty() {
        return new ActivityHistoryFilter(null, null, null, null, null, null, null);
    }

    public ActivityHistoryFilter withOpportunityId(Long value) {
        return new ActivityHistoryFilter(value, opportunity, activityType, completed, status, from, to);
    }

    public ActivityHistoryFilter withOpportunity(String value) {
        return new ActivityHistoryFilter(opportunityId, value, activityType, completed, status, from, to);
    }

    public ActivityHistoryFilter withActivityType(String value) {
        return new ActivityHistoryFilter(opportunityId, opportunity, value, completed, status, from, to);
    }

    public ActivityHistoryFilter withCompleted(Boolean value) {
        return new ActivityHistoryFilter(opportunityId, opportunity, activityType, value, status, from, to);
    }

    public ActivityHistoryFilter withStatus(Boolean value) {
        return new ActivityHistoryFilter(opportunityId, opportunity, activityType, completed, value, from, to);
    }

    public ActivityHistoryFilter withFrom(LocalDate value) {
        return new ActivityHistoryFilter(opportunityId, opportunity, activityType, completed, status, value, to);
    }

    public ActivityHistoryFilter withTo(LocalDate value) {
        return new ActivityHistoryFilter(opportunityId, opportunity, activityType, completed, status, from, value);
    }
}
