package com.flowstate.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.history.ActionStatus;
import com.flowstate.action.assignment.AssignmentCriterion;
import com.flowstate.action.assignment.AssignmentStatus;
import com.flowstate.action.assignment.ZoneType;
import com.flowstate.security.PartnerScope;

/**
 * The Assignment tab's query: filters, sort, keyset paging and the partner scope, all in SQL. The Vaadin tab and the
 * REST API both call it. A partner company sees the offers made to it, including those it rejected after it lost
 * sight of the opportunity, and the rows of the opportunities it holds now, except other companies' rejections.
 * Indexes: V6__assignments.sql.
 */
@Service
public class AssignmentHistoryQuery {

    private static final String COLUMNS = """
            h.id, h.opportunity_id, o.name opportunity_name, h.role, h.assigned_company_id,
            c.name assigned_company, h.assignment_status, h.zone_type, h.zone, h.open_opportunities, h.candidates,
            h.round_robin, h.replaces_id, r.assigned_company_id replaced_company_id, rc.name replaced_company,
            h.assigned_at, h.decided_at, du.username decided_by, h.rejection_reason, h.status, h.attempts,
            h.last_error, h.substate_key, h.substate_name, h.trigger, h.created_at""";
    private static final String FROM = """
            assignment_history h
            join opportunity o on o.id = h.opportunity_id
            left join company c on c.id = h.assigned_company_id
            left join assignment_history r on r.id = h.replaces_id
            left join company rc on rc.id = r.assigned_company_id
            left join app_user du on du.id = h.decided_by""";

    private final JdbcClient jdbc;

    AssignmentHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of rows the scope may see.
     *
     * @param cursor the previous page's {@link Page#nextCursor()}, or null for the first page
     * @throws IllegalArgumentException for a cursor that does not belong to this sort
     */
    @Transactional(readOnly = true)
    public Page<AssignmentHistoryRow> page(PartnerScope scope, AssignmentHistoryFilter filter,
                                           AssignmentHistorySort sort, SortDirection direction, String cursor,
                                           int size) {
        KeysetQuery query = new KeysetQuery(COLUMNS, FROM, "h.id");
        if (scope.isRestricted()) {
            long company = scope.companyId().getAsLong();
            query.where("""
                    (h.assigned_company_id = ?
                     or ((o.installer_id = ? or o.seller_id = ?) and h.assignment_status is distinct from 'REJECTED'))""",
                    company, company, company);
        }
        return query
                .equalTo("h.opportunity_id", filter.opportunityId())
                .contains("o.name", filter.opportunity())
                .contains("c.name", filter.assignedCompany())
                .equalTo("h.assignment_status", filter.decision() == null ? null : filter.decision().name())
                .equalTo("h.role", filter.role() == null ? null : filter.role().name())
                .status("h.status", filter.status())
                .between("h.created_at", filter.from(), filter.to())
                .page(jdbc, sort, direction, cursor, size, rs -> map(rs, scope));
    }

    private static AssignmentHistoryRow map(ResultSet rs, PartnerScope scope) throws SQLException {
        String decision = rs.getString("assignment_status");
        String zoneType = rs.getString("zone_type");
        AssignmentCriterion criterion = zoneType == null ? null : new AssignmentCriterion(ZoneType.valueOf(zoneType),
                rs.getString("zone"), (Integer) rs.getObject("open_opportunities"),
                (Integer) rs.getObject("candidates"), (Boolean) rs.getObject("round_robin"));
        long replacedCompanyId = rs.getLong("replaced_company_id");
        boolean mayNameReplaced = !scope.isRestricted() || scope.companyId().getAsLong() == replacedCompanyId;
        Long assignedCompanyId = nullableLong(rs, "assigned_company_id");
        boolean mayNameDecider = !scope.isRestricted() || Long.valueOf(scope.companyId().getAsLong())
                .equals(assignedCompanyId);
        return new AssignmentHistoryRow(rs.getLong("id"), rs.getLong("opportunity_id"),
                rs.getString("opportunity_name"), rs.getString("role"), assignedCompanyId,
                rs.getString("assigned_company"), decision == null ? null : AssignmentStatus.valueOf(decision),
                criterion, nullableLong(rs, "replaces_id"), mayNameReplaced ? rs.getString("replaced_company") : null,
                instant(rs, "assigned_at"), instant(rs, "decided_at"), mayNameDecider ? rs.getString("decided_by") : null,
                rs.getString("rejection_reason"), ActionStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getString("substate_key"), rs.getString("substate_name"),
                rs.getString("trigger"), instant(rs, "created_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
