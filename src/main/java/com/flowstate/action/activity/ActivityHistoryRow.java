package com.flowstate.action.activity;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.flowstate.history.ActionHistoryRow;
import com.flowstate.history.ActionRow;

/**
 * A row of the Activities tab: one Create activity execution, with its activity as it is now.
 *
 * @param activityType the type name (CALL, VISIT…), or what the designer wrote when it was not a known type
 * @param assigneeName the internal user's display name or the partner company's name; null without an activity
 * @param activityRef  id of the activity the execution created; null while it has not (or when it failed)
 * @param completed    whether that activity is completed now (live); null when there is no activity
 */
public record ActivityHistoryRow(
        @JsonUnwrapped ActionRow action,
        String activityType,
        String subject,
        String assigneeRole,
        String assigneeName,
        Long activityRef,
        Boolean completed,
        Instant completedAt,
        LocalDate dueDate) implements ActionHistoryRow {
}
