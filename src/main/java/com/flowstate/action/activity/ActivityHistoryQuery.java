package com.flowstate.action.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.flowstate.history.ActionHistoryQuery;
import com.flowstate.history.ActionRow;
import com.flowstate.history.KeysetQuery;
import com.flowstate.history.SortColumn;
import com.flowstate.history.SortColumns;

/**
 * The Activities tab's query, in SQL with the partner scope. "Completed" is read from the activity itself through
 * {@code activity_ref}, so the tab follows the activity live. Indexes: V4__activities.sql.
 */
@Service
public class ActivityHistoryQuery extends ActionHistoryQuery<ActivityHistoryRow, ActivityHistoryFilter> {

    /** Nullable columns sort through a non-null expression, since the keyset comparison does not work on nulls. */
    /** Nullable columns sort through a non-null expression, since the keyset comparison does not work on nulls. */
    ActivityHistoryQuery(JdbcClient jdbc) {
        super(jdbc, SortColumns.forActions(
                        SortColumn.text("activityType", "coalesce(h.activity_type, '')"),
                        SortColumn.of("completed", "(a.completed_at is not null)", "boolean"),
                        SortColumn.of("dueDate", "coalesce(a.due_date, date '9999-12-31')", "date")), """
                        h.activity_type, h.subject, h.assignee_role, coalesce(au.display_name, ac.name) assignee_name,
                        h.activity_ref, a.completed_at, a.due_date""", """
                        activity_history h
                        left join activity a on a.id = h.activity_ref
                        left join app_user au on au.id = a.assignee_user_id
                        left join company ac on ac.id = a.assignee_company_id""");
    }

    @Override
    protected void filter(KeysetQuery query, ActivityHistoryFilter filter) {
        query.equalTo("h.activity_type", filter.activityType() == null || filter.activityType().isBlank() ? null
                        : filter.activityType().strip().toUpperCase())
                .status("h.status", filter.status());
        if (filter.completed() != null) {
            // "Not completed" means an activity that is still open, not an execution that created none.
            query.where(filter.completed() ? "a.completed_at is not null" : "a.id is not null and a.completed_at is null");
        }
    }

    @Override
    protected ActivityHistoryRow map(ActionRow shared, ResultSet rs) throws SQLException {
        long activityRef = rs.getLong("activity_ref");
        boolean hasActivity = !rs.wasNull();
        Timestamp completedAt = rs.getTimestamp("completed_at");
        return new ActivityHistoryRow(shared, rs.getString("activity_type"), rs.getString("subject"),
                rs.getString("assignee_role"), rs.getString("assignee_name"), hasActivity ? activityRef : null,
                hasActivity ? completedAt != null : null, completedAt == null ? null : completedAt.toInstant(),
                rs.getObject("due_date", LocalDate.class));
    }
}
