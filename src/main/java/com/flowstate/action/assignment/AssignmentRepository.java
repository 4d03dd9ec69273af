package com.flowstate.action.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.flowstate.action.ActionFailure;
import com.flowstate.i18n.Reason;

/**
 * The assignment rows (table assignment_history, one per offer) and the opportunity's installer / seller they set.
 * The action's first row is inserted by the platform when the job is scheduled and finished by the action runner
 * with the columns {@link AssignmentActionService} puts on it; this records the companies' answers and inserts the
 * rows that follow rejections.
 */
@Repository
class AssignmentRepository {

    private static final String SELECT = """
            select h.id, h.execution_key, h.opportunity_id, h.role, h.assigned_company_id, c.name company_name,
                   h.assignment_status, h.replaces_id, h.assigned_at, h.decided_at, h.rejection_reason
            from assignment_history h left join company c on c.id = h.assigned_company_id
            """;

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pending offers of an opportunity to one company (the opportunity page's "your decision"). */
    List<Assignment> pendingOffersOn(long opportunityId, long companyId) {
        return jdbc.sql(SELECT + "where h.opportunity_id = ? and h.assigned_company_id = ? "
                        + "and h.assignment_status = 'PENDING' order by h.id")
                .params(opportunityId, companyId).query(AssignmentRepository::map).list();
    }

    /** The company's offers still pending, newest first (assignment_history_company_idx). */
    List<PendingOffer> pendingOffers(long companyId, int limit) {
        return jdbc.sql("""
                        select h.id, h.opportunity_id, o.name, h.role, h.assigned_at
                          from assignment_history h join opportunity o on o.id = h.opportunity_id
                         where h.assigned_company_id = ? and h.assignment_status = 'PENDING'
                         order by h.created_at desc, h.id desc
                         limit ?""")
                .params(companyId, limit)
                .query((rs, row) -> new PendingOffer(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        PartnerRole.valueOf(rs.getString(4)),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    Optional<Assignment> find(long id) {
        return jdbc.sql(SELECT + "where h.id = ?").param(id).query(AssignmentRepository::map).optional();
    }

    /**
     * How the execution ended, once it recorded its outcome: a re-run of the same job (an incident retried in
     * Cockpit after the engine gave up) must not assign again.
     */
    Optional<RecordedOutcome> recordedOutcome(String executionKey) {
        return jdbc.sql("""
                        select status, last_error, reason_code, reason_params from assignment_history
                        where execution_key = ? and status in ('SUCCEEDED', 'FAILED')""")
                .param(executionKey)
                .query((rs, n) -> new RecordedOutcome("FAILED".equals(rs.getString("status")),
                        Reason.stored(rs.getString("reason_code"), rs.getString("reason_params"),
                                rs.getString("last_error"))))
                .optional();
    }

    /**
     * Whether a partner company may see the row: it was offered to the company, or the opportunity is the company's
     * now and the row is not another company's rejection (which would tell it who else turned the customer down).
     */
    boolean visibleTo(long id, long companyId) {
        return jdbc.sql("""
                        select count(*) from assignment_history h join opportunity o on o.id = h.opportunity_id
                        where h.id = :id
                          and (h.assigned_company_id = :company
                               or ((o.installer_id = :company or o.seller_id = :company)
                                   and h.assignment_status is distinct from 'REJECTED'))""")
                .param("id", id).param("company", companyId).query(Long.class).single() > 0;
    }

    /** Gives the opportunity to the company in the role, unless someone filled the role meanwhile. */
    boolean assignOpportunity(long opportunityId, PartnerRole role, long companyId) {
        String column = role.opportunityColumn();
        return jdbc.sql("update opportunity set " + column + " = ? where id = ? and " + column + " is null")
                .params(companyId, opportunityId).update() == 1;
    }

    /** Takes the opportunity away from the company, if it still holds the role. */
    boolean unassignOpportunity(long opportunityId, PartnerRole role, long companyId) {
        String column = role.opportunityColumn();
        return jdbc.sql("update opportunity set " + column + " = null where id = ? and " + column + " = ?")
                .params(opportunityId, companyId).update() == 1;
    }

    Optional<Long> companyInRole(long opportunityId, PartnerRole role) {
        return jdbc.sql("select " + role.opportunityColumn() + " from opportunity where id = ?")
                .param(opportunityId).query((rs, n) -> {
                    long company = rs.getLong(1);
                    return rs.wasNull() ? null : company;
                }).optional();
    }

    /** Moves a pending offer to the decision; false when it is no longer pending (decided meanwhile). */
    boolean decide(long id, AssignmentStatus decision, long userId, String rejectionReason) {
        return jdbc.sql("""
                        update assignment_history set assignment_status = ?, decided_at = now(), decided_by = ?,
                            rejection_reason = ?, updated_at = now()
                        where id = ? and assignment_status = 'PENDING'""")
                .params(decision.name(), userId, rejectionReason, id).update() == 1;
    }

    /**
     * The row that follows a rejection: where the action sat is copied from the rejected row; the key is the
     * action execution's key plus the rejected row's id, so one rejection can never be followed twice.
     *
     * @param companyId null when no candidate is left; the row is then FAILED with the reason
     */
    long insertAfterRejection(Assignment rejected, Long companyId, AssignmentCriterion criterion, Reason failure) {
        String key = rootKey(rejected.executionKey()) + "/after/" + rejected.id();
        boolean assigned = companyId != null;
        return jdbc.sql("""
                        insert into assignment_history (execution_key, opportunity_id, process_instance_id,
                            activity_id, substate_key, substate_name, trigger, role, assigned_company_id,
                            assignment_status, zone_type, zone, open_opportunities, candidates, round_robin,
                            strategy, replaces_id, assigned_at, status, attempts, last_error, reason_code, reason_params,
                            created_at, updated_at)
                        select ?, r.opportunity_id, r.process_instance_id, r.activity_id, r.substate_key,
                               r.substate_name, r.trigger, r.role, ?, ?, ?, ?, ?, ?, ?, ?, r.id,
                               case when ? then now() end, ?, 1, ?, ?, cast(? as jsonb), now(), now()
                        from assignment_history r where r.id = ?
                        returning id""")
                .params(key, companyId, assigned ? AssignmentStatus.PENDING.name() : null,
                        criterion == null ? null : criterion.zoneType().name(),
                        criterion == null ? null : criterion.zone(),
                        criterion == null ? null : criterion.openOpportunities(),
                        criterion == null ? null : criterion.candidates(),
                        criterion == null ? null : criterion.roundRobin(),
                        criterion == null ? null : criterion.strategyUsed().name(),
                        assigned,
                        assigned ? "SUCCEEDED" : "FAILED", failure == null ? null : failure.text(),
                        failure == null ? null : failure.code(), failure == null ? null : failure.paramsJson(),
                        rejected.id())
                .query(Long.class).single();
    }

    private static String rootKey(String executionKey) {
        int after = executionKey.indexOf("/after/");
        return after < 0 ? executionKey : executionKey.substring(0, after);
    }

    /** An execution's recorded outcome; a failed one keeps its reason. */
    record RecordedOutcome(boolean failed, Reason reason) {

        /** Ends the re-run as the execution ended: failed again with the same reason. */
        void throwIfFailed() {
            if (failed) {
                throw ActionFailure.permanent(reason != null ? reason : Reason.of(Reason.UNEXPECTED, "message", ""));
            }
        }
    }

    private static Assignment map(ResultSet rs, int row) throws SQLException {
        long company = rs.getLong("assigned_company_id");
        Long companyId = rs.wasNull() ? null : company;
        long replaces = rs.getLong("replaces_id");
        Long replacesId = rs.wasNull() ? null : replaces;
        String status = rs.getString("assignment_status");
        Timestamp assignedAt = rs.getTimestamp("assigned_at");
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new Assignment(rs.getLong("id"), rs.getString("execution_key"), rs.getLong("opportunity_id"),
                PartnerRole.parse(rs.getString("role")).orElse(null), companyId, rs.getString("company_name"),
                status == null ? null : AssignmentStatus.valueOf(status), replacesId,
                assignedAt == null ? null : assignedAt.toInstant(), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("rejection_reason"));
    }
}
