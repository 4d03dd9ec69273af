package com.flowstate.action.activity;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Activities in SQL. The indexes each query relies on are next to the table in V4__activities.sql. */
@Repository
class ActivityRepository {

    private static final String SELECT = """
            select a.id, a.opportunity_id, o.name opportunity_name, a.type, a.subject, a.due_date, a.assignee_role,
                   coalesce(au.display_name, ac.name) assignee_name, a.completed_at,
                   cb.display_name completed_by, a.created_at
            from activity a
            join opportunity o on o.id = a.opportunity_id
            left join app_user au on au.id = a.assignee_user_id
            left join company ac on ac.id = a.assignee_company_id
            left join app_user cb on cb.id = a.completed_by
            """;

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the activity of an action execution, unless that execution already created one: either way returns
     * the id of the execution's one activity.
     */
    long insertOnce(String executionKey, NewActivity activity) {
        Optional<Long> inserted = jdbc.sql("""
                        insert into activity (opportunity_id, type, subject, due_date, assignee_role, assignee_user_id,
                                              assignee_company_id, created_at, execution_key)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (execution_key) do nothing
                        returning id""")
                .params(activity.opportunityId(), activity.type().name(), activity.subject(),
                        Date.valueOf(activity.dueDate()), activity.role().name(), activity.assigneeUserId(),
                        activity.assigneeCompanyId(), Timestamp.from(activity.createdAt()), executionKey)
                .query(Long.class).optional();
        return inserted.orElseGet(() -> jdbc.sql("select id from activity where execution_key = ?")
                .param(executionKey).query(Long.class).single());
    }

    Optional<Activity> find(long id) {
        return jdbc.sql(SELECT + "where a.id = ?").param(id).query(Activity.class).optional();
    }

    /** Who an activity belongs to, for the permission check before completing it. */
    Optional<Ownership> ownership(long id) {
        return jdbc.sql("""
                        select a.assignee_company_id, o.installer_id, o.seller_id from activity a
                        join opportunity o on o.id = a.opportunity_id where a.id = ?""")
                .param(id).query(Ownership.class).optional();
    }

    /** Marks it completed once; completing it again keeps who did it first and when. */
    void markCompleted(long id, long userId) {
        jdbc.sql("update activity set completed_at = now(), completed_by = ? where id = ? and completed_at is null")
                .params(userId, id).update();
    }

    /**
     * Activities of an internal user: assigned to them, or for the internal owner of an opportunity they own now
     * (so a change of owner hands the open work over). Each arm is an index lookup.
     */
    List<Activity> ofInternalUser(long userId, boolean includeCompleted, ActivityCursor after, int limit) {
        List<Object> params = new ArrayList<>(List.of(userId, userId));
        return page(SELECT + """
                        where a.id in (
                            select id from activity where assignee_user_id = ?
                            union all
                            select owned.id from activity owned join opportunity oo on oo.id = owned.opportunity_id
                            where oo.owner_id = ? and owned.assignee_role = 'INTERNAL_USER')""",
                params, includeCompleted, after, limit);
    }

    /** Activities assigned to a partner company, on opportunities still assigned to it (the partner scope). */
    List<Activity> ofCompany(long companyId, boolean includeCompleted, ActivityCursor after, int limit) {
        List<Object> params = new ArrayList<>(List.of(companyId, companyId, companyId));
        return page(SELECT + """
                        where a.assignee_company_id = ? and (o.installer_id = ? or o.seller_id = ?)""",
                params, includeCompleted, after, limit);
    }

    /** The open activities of one opportunity, soonest due first; of one company when {@code companyId} is set. */
    List<Activity> openOn(long opportunityId, Long companyId, int limit) {
        return jdbc.sql(SELECT + """
                        where a.opportunity_id = ? and a.completed_at is null
                          and (?::bigint is null or a.assignee_company_id = ?)
                        order by a.due_date, a.id limit ?""")
                .params(opportunityId, companyId, companyId, limit).query(Activity.class).list();
    }

    /** By due date, then id (keyset); open ones only unless asked otherwise. */
    private List<Activity> page(String select, List<Object> params, boolean includeCompleted, ActivityCursor after,
                                int limit) {
        StringBuilder sql = new StringBuilder(select);
        if (!includeCompleted) {
            sql.append(" and a.completed_at is null");
        }
        if (after != null) {
            sql.append(" and (a.due_date, a.id) > (?, ?)");
            params.add(Date.valueOf(after.dueDate()));
            params.add(after.id());
        }
        sql.append(" order by a.due_date, a.id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(Activity.class).list();
    }

    /** The assigned company (null for an internal user) and the partners of the activity's opportunity. */
    record Ownership(Long assigneeCompanyId, Long installerId, Long sellerId) {

        boolean visibleTo(long companyId) {
            return Long.valueOf(companyId).equals(installerId) || Long.valueOf(companyId).equals(sellerId);
        }

        boolean assignedTo(long companyId) {
            return Long.valueOf(companyId).equals(assigneeCompanyId);
        }
    }
}
