package com.flowstate.action.activity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records how a Create activity execution ended on its Activities tab row, in the attempt's transaction. The row
 * itself is created and kept up to date by the generic action-history projection; whether the activity is completed
 * is read live from the activity, never copied here.
 */
@Component
class ActivityHistoryWriter {

    private final JdbcClient jdbc;

    ActivityHistoryWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordCreated(String executionKey, int attemptNumber, NewActivity activity, long activityId) {
        jdbc.sql("""
                        update activity_history set status = 'SUCCEEDED', attempts = ?, activity_type = ?, subject = ?,
                            assignee_role = ?, activity_ref = ?, last_error = null, updated_at = now()
                        where execution_key = ?""")
                .params(attemptNumber, activity.type().name(), activity.subject(), activity.role().name(),
                        activityId, executionKey)
                .update();
    }

    /** Keeps the parameters as the designer wrote them, so the row shows what could not be used. */
    void recordFailed(String executionKey, int attemptNumber, ActivityRequest request, String reason) {
        jdbc.sql("""
                        update activity_history set status = 'FAILED', attempts = ?,
                            activity_type = coalesce(?, activity_type), subject = coalesce(?, subject),
                            assignee_role = coalesce(?, assignee_role), last_error = ?, updated_at = now()
                        where execution_key = ?""")
                .params(attemptNumber, strippedOrNull(request.activityType()), strippedOrNull(request.subject()),
                        strippedOrNull(request.assigneeRole()), reason, executionKey)
                .update();
    }

    private static String strippedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
