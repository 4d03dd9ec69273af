package com.flowstate.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.ActionStatus;
import com.flowstate.flow.SubstateChangeType;
import com.flowstate.security.PartnerScope;

/**
 * The Substates tab's query: filters, sort, keyset paging and the partner scope, all in SQL. The Vaadin tab and the
 * REST API both call it, so a partner never sees another company's rows on either. Indexes:
 * V5__substate_changes.sql.
 */
@Service
public class SubstateChangeHistoryQuery {

    public static final int MAX_PAGE_SIZE = 500;
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final JdbcClient jdbc;

    SubstateChangeHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of rows the scope may see, automatic and manual changes together: the opportunity's substate log.
     *
     * @param cursor the previous page's {@link Page#nextCursor()}, or null for the first page
     * @throws IllegalArgumentException for a cursor that does not belong to this sort
     */
    @Transactional(readOnly = true)
    public Page<SubstateChangeHistoryRow> page(PartnerScope scope, SubstateChangeHistoryFilter filter,
                                               SubstateChangeHistorySort sort, SortDirection direction,
                                               String cursor, int size) {
        int limit = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        StringBuilder sql = new StringBuilder("""
                select h.id, h.opportunity_id, o.name opportunity_name, h.change_type, h.target_substate_key,
                       h.target_substate_name, h.status, h.attempts, h.last_error, h.manual, h.changed_by,
                       h.substate_key, h.substate_name, h.trigger, h.activity_id, h.created_at, h.updated_at,
                       cast(%s as text) sort_value
                from substate_change_history h join opportunity o on o.id = h.opportunity_id
                where true
                """.formatted(sort.expression));
        List<Object> params = new ArrayList<>();
        if (scope.isRestricted()) {
            sql.append(" and (o.installer_id = ? or o.seller_id = ?)");
            params.add(scope.companyId().getAsLong());
            params.add(scope.companyId().getAsLong());
        }
        appendFilters(filter, sql, params);
        String order = direction == SortDirection.ASC ? "asc" : "desc";
        if (cursor != null && !cursor.isBlank()) {
            Cursor position = Cursor.decode(cursor);
            if (!position.sort().equals(sort.name()) || position.direction() != direction) {
                throw new IllegalArgumentException("The cursor belongs to another sort");
            }
            sql.append(" and (").append(sort.expression).append(", h.id) ")
                    .append(direction == SortDirection.ASC ? ">" : "<")
                    .append(" (cast(? as ").append(sort.sqlType).append("), ?)");
            params.add(position.value());
            params.add(position.id());
        }
        sql.append(" order by ").append(sort.expression).append(' ').append(order)
                .append(", h.id ").append(order).append(" limit ?");
        params.add(limit + 1);

        List<Object[]> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Object[] {map(rs), rs.getString("sort_value")}).list();
        List<SubstateChangeHistoryRow> items = rows.stream().limit(limit)
                .map(row -> (SubstateChangeHistoryRow) row[0]).toList();
        String next = null;
        if (rows.size() > limit) {
            Object[] last = rows.get(limit - 1);
            next = new Cursor(sort.name(), direction, (String) last[1],
                    ((SubstateChangeHistoryRow) last[0]).id()).encode();
        }
        return new Page<>(items, next);
    }

    private static void appendFilters(SubstateChangeHistoryFilter filter, StringBuilder sql, List<Object> params) {
        if (filter.opportunityId() != null) {
            sql.append(" and h.opportunity_id = ?");
            params.add(filter.opportunityId());
        }
        contains(sql, params, "o.name", filter.opportunity());
        if (filter.changeType() != null) {
            sql.append(" and h.change_type = ?");
            params.add(filter.changeType().name());
        }
        if (filter.substate() != null && !filter.substate().isBlank()) {
            sql.append(" and (h.target_substate_name ilike ? or h.target_substate_key ilike ?)");
            params.add(containsPattern(filter.substate()));
            params.add(containsPattern(filter.substate()));
        }
        if (filter.status() != null) {
            sql.append(" and h.status = ?");
            params.add(filter.status() ? ActionStatus.SUCCEEDED.name() : ActionStatus.FAILED.name());
        }
        if (filter.manual() != null) {
            sql.append(filter.manual() ? " and h.manual" : " and not h.manual");
        }
        if (filter.from() != null) {
            sql.append(" and h.created_at >= ?");
            params.add(Timestamp.from(filter.from().atStartOfDay(ZONE).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and h.created_at < ?");
            params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
        }
    }

    private static void contains(StringBuilder sql, List<Object> params, String column, String text) {
        if (text != null && !text.isBlank()) {
            sql.append(" and ").append(column).append(" ilike ?");
            params.add(containsPattern(text));
        }
    }

    private static String containsPattern(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static SubstateChangeHistoryRow map(ResultSet rs) throws SQLException {
        String changeType = rs.getString("change_type");
        return new SubstateChangeHistoryRow(rs.getLong("id"), rs.getLong("opportunity_id"),
                rs.getString("opportunity_name"), changeType == null ? null : SubstateChangeType.valueOf(changeType),
                rs.getString("target_substate_key"), rs.getString("target_substate_name"),
                ActionStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getBoolean("manual"), rs.getString("changed_by"), rs.getString("substate_key"),
                rs.getString("substate_name"), rs.getString("trigger"), rs.getString("activity_id"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
