package com.flowstate.history;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.flowstate.history.ActionStatus;

/**
 * A row of the Activities tab: one Create activity execution, with its activity as it is now.
 *
 * @param activityType  the type name (CALL, VISIT…), or what the designer wrote when it was not a known type
 * @param activityRef   id of the activity the execution created; null while it has not (or when it failed)
 * @param completed     whether that activity is completed now (live); null when there is no activity
 * @param assigneeName  the internal user's display name or the partner company's name; null without an activity
 */
public record ActivityHistoryRow(
        long id,
        long opportunityId,
        String opportunityName,
        String activityType,
        String subject,
        String assigneeRole,
        String assigneeName,
        Long activityRef,
        Boolean completed,
        Instant completedAt,
        LocalDate dueDate,
        ActionStatus state,
        int attempts,
        String lastError,
        String substateKey,
        String substateName,
        String trigger,
        Instant createdAt) {

    /** The seed's status: true = created, false = failed, null while scheduled or retrying. */
    @JsonProperty("status")
    public Boolean status() {
        return state.asBoolean();
    }
}
