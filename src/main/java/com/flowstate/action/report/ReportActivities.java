package com.flowstate.action.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The opportunity's activities as a report lists them. Read straight from the {@code activity} table (V4) because
 * the activity feature has no query by opportunity yet; if it gets one, this should call it instead.
 */
@Repository
class ReportActivities {

    /** A report is a document someone reads: a few hundred rows is already more than anyone will. */
    static final int MAX_ROWS = 200;

    private final JdbcClient jdbc;

    ReportActivities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Soonest due first; served by activity_opportunity_idx. */
    List<Line> of(long opportunityId) {
        return jdbc.sql("""
                        select a.type, a.subject, a.due_date, a.completed_at,
                               coalesce(u.display_name, c.name) assignee
                        from activity a
                        left join app_user u on u.id = a.assignee_user_id
                        left join company c on c.id = a.assignee_company_id
                        where a.opportunity_id = ?
                        order by a.due_date, a.id
                        limit ?""")
                .params(opportunityId, MAX_ROWS)
                .query(Line.class).list();
    }

    /** One activity: its stored type name, subject, due date, when it was completed (null: open) and assignee. */
    record Line(String type, String subject, LocalDate dueDate, Instant completedAt, String assignee) {
    }
}
