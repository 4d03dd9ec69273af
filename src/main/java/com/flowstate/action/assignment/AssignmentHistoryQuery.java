package com.flowstate.action.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.history.ActionRow;
import com.flowstate.history.HistoryQuery;
import com.flowstate.history.HistorySort;
import com.flowstate.history.KeysetQuery;
import com.flowstate.history.Page;
import com.flowstate.history.SortColumn;
import com.flowstate.history.SortColumns;
import com.flowstate.security.PartnerScope;

/**
 * The Assignment tab's query: filters, sort, keyset paging and the partner scope, all in SQL. The Vaadin tab and the
 * REST API both call it. A partner company sees the offers made to it, including those it rejected after it lost
 * sight of the opportunity, and the rows of the opportunities it holds now, except other companies' rejections.
 * Indexes: V6__assignments.sql.
 */
@Service
public class AssignmentHistoryQuery implements HistoryQuery<AssignmentHistoryRow, AssignmentHistoryFilter> {

    /** The tab's status is the offer's decision, so its {@code status} replaces the outcome's of every tab. */
    private static final SortColumns SORTS = SortColumns.forActions(
            SortColumn.text("assignedCompany", "coalesce(c.name, '')"),
            SortColumn.text("status", "coalesce(h.assignment_status, '')"),
            SortColumn.text("role", "coalesce(h.role, '')"));
    private static final String COLUMNS = """
            h.role, h.assigned_company_id, c.name assigned_company, h.assignment_status, h.zone_type, h.zone,
            h.open_opportunities, h.candidates, h.round_robin, h.strategy, h.replaces_id,
            r.assigned_company_id replaced_company_id, rc.name replaced_company, h.assigned_at, h.decided_at,
            du.username decided_by, du.display_name decided_by_name, h.rejection_reason""";
    private static final String FROM = """
            assignment_history h
            left join company c on c.id = h.assigned_company_id
            left join assignment_history r on r.id = h.replaces_id
            left join company rc on rc.id = r.assigned_company_id
            left join app_user du on du.id = h.decided_by""";

    private final JdbcClient jdbc;

    AssignmentHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws IllegalArgumentException also for an unknown role or status of the filter */
    @Override
    @Transactional(readOnly = true)
    public Page<AssignmentHistoryRow> page(PartnerScope scope, AssignmentHistoryFilter filter, HistorySort sort,
                                           String cursor, int size) {
        PartnerRole role = filter.partnerRole();
        AssignmentStatus decision = filter.decision();
        KeysetQuery query = KeysetQuery.forActions(COLUMNS, FROM);
        if (scope.isRestricted()) {
            long company = scope.companyId().getAsLong();
            // Offers made to it, and the rows of its opportunities but others' rejected offers: two alternatives,
            // each read from its own index (company_idx; the opportunity's installer/seller, then opportunity_idx).
            query.either("h.assigned_company_id = ?", company)
                    .either("(o.installer_id = ? or o.seller_id = ?) and h.assignment_status is distinct from 'REJECTED'",
                            company, company);
        }
        return query
                .common(filter)
                .in("h.assigned_company_id", companiesNamed(filter.assignedCompany()))
                .equalTo("h.assignment_status", decision == null ? null : decision.name())
                .equalTo("h.role", role == null ? null : role.name())
                .status("h.status", filter.statusOutcome())
                .status("h.status", filter.outcome())
                .page(jdbc, SORTS, sort, cursor, size, rs -> map(rs, scope));
    }

    /**
     * "Company contains": the few companies whose name matches, looked up first (null: no filter), so their rows are
     * read through {@code company_idx}. As a condition on the joined company's name the planner guessed the match
     * spread evenly over the rows and walked the whole table in date order for a rare one (0.2–0.4 s at 10M e-mail
     * rows, 1M assignments).
     */
    private List<Long> companiesNamed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return jdbc.sql("select id from company where name ilike ?").param(KeysetQuery.containsPattern(text))
                .query(Long.class).list();
    }

    private static AssignmentHistoryRow map(ResultSet rs, PartnerScope scope) throws SQLException {
        String decision = rs.getString("assignment_status");
        String zoneType = rs.getString("zone_type");
        AssignmentCriterion criterion = zoneType == null ? null : new AssignmentCriterion(ZoneType.valueOf(zoneType),
                rs.getString("zone"), (Integer) rs.getObject("open_opportunities"),
                (Integer) rs.getObject("candidates"), (Boolean) rs.getObject("round_robin"),
                rs.getString("strategy") == null ? null : AssignmentStrategy.valueOf(rs.getString("strategy")));
        long replacedCompanyId = rs.getLong("replaced_company_id");
        boolean mayNameReplaced = !scope.isRestricted() || scope.companyId().getAsLong() == replacedCompanyId;
        Long assignedCompanyId = nullableLong(rs, "assigned_company_id");
        boolean mayNameDecider = !scope.isRestricted() || Long.valueOf(scope.companyId().getAsLong())
                .equals(assignedCompanyId);
        return new AssignmentHistoryRow(ActionRow.map(rs), rs.getString("role"), assignedCompanyId,
                rs.getString("assigned_company"), decision == null ? null : AssignmentStatus.valueOf(decision),
                criterion, nullableLong(rs, "replaces_id"), mayNameReplaced ? rs.getString("replaced_company") : null,
                instant(rs, "assigned_at"), instant(rs, "decided_at"),
                mayNameDecider ? rs.getString("decided_by") : null, rs.getString("rejection_reason"),
                mayNameDecider ? rs.getString("decided_by_name") : null);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
