package com.flowstate.action.activity;

import java.time.Instant;
import java.time.LocalDate;

/** An activity resolved from an action's parameters, ready to insert; exactly one assignee id is set. */
record NewActivity(long opportunityId, ActivityType type, String subject, LocalDate dueDate, AssigneeRole role,
                   Long assigneeUserId, Long assigneeCompanyId, Instant createdAt) {
}
