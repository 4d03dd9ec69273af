package com.flowstate.action.activity;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A piece of work on an opportunity, as the people who do it see it.
 *
 * @param assigneeName the internal user's display name, or the partner company's name
 * @param completedBy  display name of whoever marked it completed; null while open
 */
public record Activity(
        long id,
        long opportunityId,
        String opportunityName,
        ActivityType type,
        String subject,
        LocalDate dueDate,
        AssigneeRole assigneeRole,
        String assigneeName,
        Instant completedAt,
        String completedBy,
        Instant createdAt) {

    @JsonProperty("completed")
    public boolean completed() {
        return completedAt != null;
    }
}
