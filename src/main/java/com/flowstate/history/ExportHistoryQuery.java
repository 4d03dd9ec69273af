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

import com.flowstate.history.ActionStatus;
import com.flowstate.security.PartnerScope;

/**
 * The Exports tab's query: filters, sort, keyset paging and the partner scope, all in SQL; the Vaadin tab and the
 * REST API both call it. An export file holds many opportunities, so the scope is not "the row's opportunity" but
 * whose data the file holds: a partner company sees the exports made for it (scoped to its opportunities), never
 * one made for the platform or another company, even when its own opportunity's flow ran it. Scheduled exports
 * (no opportunity) follow the same rule. The file's bytes are never read here. Indexes: V9__exports.sql.
 */
@Service
public class ExportHistoryQuery {

    public static final int MAX_PAGE_SIZE = 500;
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final JdbcClient jdbc;

    ExportHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of rows the scope may see.
     *
     * @param cursor the previous page's {@link Page#nextCursor()}, or null for the first page
     * @throws IllegalArgumentException for a cursor that does not belong to this sort
     */
    @Transactional(readOnly = true)
    public Page<ExportHistoryRow> page(PartnerScope scope, ExportHistoryFilter filter, ExportHistorySort sort,
                                       SortDirection direction, String cursor, int size) {
        int limit = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        StringBuilder sql = new StringBuilder("""
                select h.id, h.opportunity_id, o.name opportunity_name, h.template_name, h.export_type, h.extension,
                       h.recipient, h.recipient_email, h.smtp_credential_name, h.status, h.row_count, h.file_size,
                       h.file_name, exists (select 1 from export_file f where f.history_id = h.id) has_file,
                       h.delivery, h.attempts, h.last_error, h.substate_key, h.substate_name, h.trigger,
                       h.message_id, h.created_at, h.sent_at,
                       cast(%s as text) sort_value
                from export_history h
                left join opportunity o on o.id = h.opportunity_id
                where true
                """.formatted(sort.expression));
        List<Object> params = new ArrayList<>();
        if (scope.isRestricted()) {
            sql.append(" and h.scope_company_id = ?");
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
        List<ExportHistoryRow> items = rows.stream().limit(limit).map(row -> (ExportHistoryRow) row[0]).toList();
        String next = null;
        if (rows.size() > limit) {
            Object[] last = rows.get(limit - 1);
            next = new Cursor(sort.name(), direction, (String) last[1], ((ExportHistoryRow) last[0]).id()).encode();
        }
        return new Page<>(items, next);
    }

    private static void appendFilters(ExportHistoryFilter filter, StringBuilder sql, List<Object> params) {
        if (filter.opportunityId() != null) {
            sql.append(" and h.opportunity_id = ?");
            params.add(filter.opportunityId());
        }
        contains(sql, params, "h.template_name", filter.template());
        if (filter.exportType() != null && !filter.exportType().isBlank()) {
            sql.append(" and h.export_type = ?");
            params.add(filter.exportType().strip().toUpperCase());
        }
        if (filter.extension() != null && !filter.extension().isBlank()) {
            sql.append(" and h.extension = ?");
            params.add(filter.extension().strip().toUpperCase().replaceFirst("^\\.", ""));
        }
        if (filter.recipient() != null && !filter.recipient().isBlank()) {
            String pattern = likePattern(filter.recipient());
            sql.append(" and (h.recipient_email ilike ? or h.recipient ilike ?)");
            params.add(pattern);
            params.add(pattern);
        }
        if (filter.status() != null) {
            sql.append(" and h.status = ?");
            params.add(filter.status() ? ActionStatus.SUCCEEDED.name() : ActionStatus.FAILED.name());
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
            params.add(likePattern(text));
        }
    }

    private static String likePattern(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static ExportHistoryRow map(ResultSet rs) throws SQLException {
        long opportunityId = rs.getLong("opportunity_id");
        boolean hasOpportunity = !rs.wasNull();
        long rows = rs.getLong("row_count");
        boolean hasRows = !rs.wasNull();
        long fileSize = rs.getLong("file_size");
        boolean hasSize = !rs.wasNull();
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new ExportHistoryRow(rs.getLong("id"), hasOpportunity ? opportunityId : null,
                rs.getString("opportunity_name"), rs.getString("template_name"), rs.getString("export_type"),
                rs.getString("extension"), rs.getString("recipient"), rs.getString("recipient_email"),
                rs.getString("smtp_credential_name"), ActionStatus.valueOf(rs.getString("status")),
                hasRows ? rows : null, hasSize ? fileSize : null, rs.getString("file_name"),
                rs.getBoolean("has_file"), rs.getString("delivery"), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getString("substate_key"), rs.getString("substate_name"),
                rs.getString("trigger"), rs.getString("message_id"), rs.getTimestamp("created_at").toInstant(),
                sentAt == null ? null : sentAt.toInstant());
    }
}
