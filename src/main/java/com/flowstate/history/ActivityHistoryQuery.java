package com.flowstate.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.history.ActionStatus;
import com.flowstate.security.PartnerScope;

/**
 * The Activities tab's query: filters, sort, keyset paging and the partner scope, all in SQL. The Vaadin tab and the
 * REST API both call it, so a partner never sees another company's rows on either. "Completed" is read from the
 * activity itself through {@code activity_ref}, so the tab follows the activity live. Indexes: V4__activities.sql.
 */
@Service
public class ActivityHistoryQuery {

    private static final String COLUMNS = """
            h.id, h.opportunity_id, o.name opportunity_name, h.activity_type, h.subject, h.assignee_role,
            coalesce(au.display_name, ac.name) assignee_name, h.activity_ref, a.completed_at, a.due_date,
            h.status, h.attempts, h.last_error, h.substate_key, h.substate_name, h.trigger, h.created_at""";
    private static final String FROM = """
            activity_history h
            join opportunity o on o.id = h.opportunity_id
            left join activity a on a.id = h.activity_ref
            left join app_user au on au.id = a.assignee_user_id
            left join company ac on ac.id = a.assignee_company_id""";

    private final JdbcClient jdbc;

    ActivityHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of rows the scope may see.
     *
     * @param cursor the previous page's {@link Page#nextCursor()}, or null for the first page
     * @throws IllegalArgumentException for a cursor that does not belong to this sort
     */
    @Transactional(readOnly = true)
    public Page<ActivityHistoryRow> page(PartnerScope scope, ActivityHistoryFilter filter, ActivityHistorySort sort,
                                         SortDirection direction, String cursor, int size) {
        KeysetQuery query = new KeysetQuery(COLUMNS, FROM, "h.id")
                .scope(scope)
                .equalTo("h.opportunity_id", filter.opportunityId())
                .contains("o.name", filter.opportunity())
                .equalTo("h.activity_type", filter.activityType() == null || filter.activityType().isBlank() ? null
                        : filter.activityType().strip().toUpperCase())
                .status("h.status", filter.status())
                .between("h.created_at", filter.from(), filter.to());
        if (filter.completed() != null) {
            // "Not completed" means an activity that is still open, not an execution that created none.
            query.where(filter.completed() ? "a.completed_at is not null" : "a.id is not null and a.completed_at is null");
        }
        return query.page(jdbc, sort, direction, cursor, size, ActivityHistoryQuery::map);
    }

    private static ActivityHistoryRow map(ResultSet rs) throws SQLException {
        long activityRef = rs.getLong("activity_ref");
        boolean hasActivity = !rs.wasNull();
        Timestamp completedAt = rs.getTimestamp("completed_at");
        return new ActivityHistoryRow(rs.getLong("id"), rs.getLong("opportunity_id"),
                rs.getString("opportunity_name"), rs.getString("activity_type"), rs.getString("subject"),
                rs.getString("assignee_role"), rs.getString("assignee_name"), hasActivity ? activityRef : null,
                hasActivity ? completedAt != null : null, completedAt == null ? null : completedAt.toInstant(),
                rs.getObject("due_date", LocalDate.class), ActionStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getString("substate_key"),
                rs.getString("substate_name"), rs.getString("trigger"), rs.getTimestamp("created_at").toInstant());
    }
}
