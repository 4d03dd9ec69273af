package com.flowstate.action.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

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

/** The E-mail tab's query, in SQL with the partner scope. Indexes: V3__email_history.sql. */
@Service
public class EmailHistoryQuery implements HistoryQuery<EmailHistoryRow, EmailHistoryFilter> {

    private static final SortColumns SORTS = SortColumns.forActions(
            SortColumn.text("template", "h.template_name"),
            SortColumn.text("recipient", "coalesce(h.recipient_email, '')"),
            SortColumn.text("smtpCredential", "h.smtp_credential_name"));

    private final JdbcClient jdbc;

    EmailHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<EmailHistoryRow> page(PartnerScope scope, EmailHistoryFilter filter, HistorySort sort,
                                      String cursor, int size) {
        return KeysetQuery.forActions("""
                        h.template_name, h.recipient_email, h.smtp_credential_name, h.subject, h.body_preview,
                        h.message_id, h.sent_at""", "email_history h")
                .scope(scope)
                .common(filter)
                .contains("h.template_name", filter.template())
                .contains("h.recipient_email", filter.recipient())
                .contains("h.smtp_credential_name", filter.smtpCredential())
                .status("h.status", filter.status())
                .page(jdbc, SORTS, sort, cursor, size, EmailHistoryQuery::map);
    }

    private static EmailHistoryRow map(ResultSet rs) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new EmailHistoryRow(ActionRow.map(rs), rs.getString("template_name"), rs.getString("recipient_email"),
                rs.getString("smtp_credential_name"), rs.getString("subject"), rs.getString("body_preview"),
                rs.getString("message_id"), sentAt == null ? null : sentAt.toInstant());
    }
}
