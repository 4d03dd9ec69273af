package com.flowstate.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

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

    private static final String COLUMNS = """
            h.id, h.opportunity_id, o.name opportunity_name, h.template_name, h.recipient_email,
            h.smtp_credential_name, h.status, h.attempts, h.last_error, h.substate_key, h.substate_name,
            h.trigger, h.subject, h.body_preview, h.message_id, h.created_at, h.sent_at""";
    private static final String FROM = "email_history h join opportunity o on o.id = h.opportunity_id";

    private final JdbcClient jdbc;

    EmailHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of rows the scope may see.
     *
     * @param cursor the previous page's {@link Page#nextCursor()}, or null for the first page
     * @throws IllegalArgumentException for a cursor that does not belong to this sort
     */
    @Transactional(readOnly = true)
    public Page<EmailHistoryRow> page(PartnerScope scope, EmailHistoryFilter filter, EmailHistorySort sort,
                                      SortDirection direction, String cursor, int size) {
        return new KeysetQuery(COLUMNS, FROM, "h.id")
                .scope(scope)
                .equalTo("h.opportunity_id", filter.opportunityId())
                .contains("o.name", filter.opportunity())
                .contains("h.template_name", filter.template())
                .contains("h.recipient_email", filter.recipient())
                .contains("h.smtp_credential_name", filter.smtpCredential())
                .status("h.status", filter.status())
                .between("h.created_at", filter.from(), filter.to())
                .page(jdbc, sort, direction, cursor, size, EmailHistoryQuery::map);
    }

    private static EmailHistoryRow map(ResultSet rs) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new EmailHistoryRow(rs.getLong("id"), rs.getLong("opportunity_id"), rs.getString("opportunity_name"),
                rs.getString("template_name"), rs.getString("recipient_email"), rs.getString("smtp_credential_name"),
                ActionStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("substate_key"), rs.getString("substate_name"), rs.getString("trigger"),
                rs.getString("subject"), rs.getString("body_preview"), rs.getString("message_id"),
                rs.getTimestamp("created_at").toInstant(), sentAt == null ? null : sentAt.toInstant());
    }
}
