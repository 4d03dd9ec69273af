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
import com.flowstate.security.PartnerScope;

/**
 * The E-mail tab's query: filters, sort, keyset paging and the partner scope, all in SQL. The Vaadin tab and the
 * REST API both call it, so a partner never sees another company's rows on either. Indexes: V3__email_history.sql.
 */
@Service
public class EmailHistoryQuery {

    public static final int MAX_PAGE_SIZE = 500;
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final JdbcClient jdbc;

    EmailHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of rows the scope may see.
     *
     * @param cursor    the previous page's {@link Page#nextCursor()}, or null for the first page
     * @throws IllegalArgumentException for a cursor that does not belong to this sort
     */
    @Transactional(readOnly = true)
    public Page<EmailHistoryRow> page(PartnerScope scope, EmailHistoryFilter filter, EmailHistorySort sort,
                                      SortDirection direction, String cursor, int size) {
        int limit = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        StringBuilder sql = new StringBuilder("""
                select h.id, h.opportunity_id, o.name opportunity_name, h.template_name, h.recipient_email,
                       h.smtp_credential_name, h.status, h.attempts, h.last_error, h.substate_key, h.substate_name,
                       h.trigger, h.subject, h.body_preview, h.message_id, h.created_at, h.sent_at,
                       cast(%s as text) sort_value
                from email_history h join opportunity o on o.id = h.opportunity_id
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
        List<EmailHistoryRow> items = rows.stream().limit(limit).map(row -> (EmailHistoryRow) row[0]).toList();
        String next = null;
        if (rows.size() > limit) {
            Object[] last = rows.get(limit - 1);
            next = new Cursor(sort.name(), direction, (String) last[1], ((EmailHistoryRow) last[0]).id()).encode();
        }
        return new Page<>(items, next);
    }

    private static void appendFilters(EmailHistoryFilter filter, StringBuilder sql, List<Object> params) {
        if (filter.opportunityId() != null) {
            sql.append(" and h.opportunity_id = ?");
            params.add(filter.opportunityId());
        }
        contains(sql, params, "o.name", filter.opportunity());
        contains(sql, params, "h.template_name", filter.template());
        contains(sql, params, "h.recipient_email", filter.recipient());
        contains(sql, params, "h.smtp_credential_name", filter.smtpCredential());
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
            params.add("%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }

    private static EmailHistoryRow map(ResultSet rs) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new EmailHistoryRow(rs.getLong("id"), rs.getLong("opportunity_id"), rs.getString("opportunity_name"),
                rs.getString("template_name"), rs.getString("recipient_email"), rs.getString("smtp_credential_name"),
                ActionStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("substate_key"), rs.getString("substate_name"), rs.getString("trigger"),
                rs.getString("subject"), rs.getString("body_preview"), rs.getString("message_id"),
                rs.getTimestamp("created_at").toInstant(),
                sentAt == null ? null : sentAt.toInstant());
    }
}
