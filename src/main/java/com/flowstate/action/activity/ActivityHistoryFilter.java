package com.flowstate.action.activity;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import com.flowstate.history.ActionFilter;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * Filters of the Activities tab, one per seed column plus status and a date range; null = any. {@code opportunity}
 * matches "contains", ignoring case; {@code activityType} is a type name (CALL, VISIT…), any case. {@code completed}
 * true = the activity is completed now, false = it exists and is still open (executions that created no activity
 * match neither); {@code status} true = created, false = failed.
 */
public record ActivityHistoryFilter(
        Long opportunityId,
        @Parameter(description = "opportunity name contains") String opportunity,
        @Parameter(description = "CALL, VISIT, TECHNICAL_SURVEY, DOCUMENT_REQUEST, FOLLOW_UP") String activityType,
        @Parameter(description = "true = the activity is completed now, false = still open") Boolean completed,
        @Parameter(description = "true = created, false = failed") Boolean status,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) implements ActionFilter {

    public static ActivityHistoryFilter ofOpportunity(long opportunityId) {
        return new ActivityHistoryFilter(opportunityId, null, null, null, null, null, null);
    }
}
