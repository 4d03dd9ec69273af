package com.flowstate.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.flowstate.flow.PendingTimer;

/** The log of cancelled and moved scheduled actions (V21__scheduled_action_changes.sql, with its index). */
@Repository
class ScheduledActionChanges {

    /** A logged change, as the timeline reads it. */
    record Change(String changeType, String timerId, String substateName, String actions, Instant dueBefore,
                  Instant dueAfter, String changedBy, Instant changedAt) {
    }

    private final JdbcClient jdbc;

    ScheduledActionChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long opportunityId, PendingTimer timer, String actions, Instant dueAfter, String username) {
        jdbc.sql("""
                        insert into scheduled_action_change (opportunity_id, job_id, timer_id, substate_name, actions,
                                                             change_type, due_before, due_after, changed_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(opportunityId, timer.jobId(), timer.timerId(), timer.substateName(), actions,
                        dueAfter == null ? "CANCEL" : "RESCHEDULE", timestamp(timer.dueAt()), timestamp(dueAfter),
                        username)
                .update();
    }

    List<Change> latest(long opportunityId, int limit) {
        return jdbc.sql("""
                        select change_type, timer_id, substate_name, actions, due_before, due_after, changed_by,
                               changed_at
                        from scheduled_action_change where opportunity_id = ?
                        order by changed_at desc, id desc limit ?""")
                .params(opportunityId, limit).query(Change.class).list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
