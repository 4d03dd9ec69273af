package com.flowstate.action.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.flowstate.history.ActionHistoryQuery;
import com.flowstate.history.ActionRow;
import com.flowstate.history.KeysetQuery;
import com.flowstate.history.SortColumn;
import com.flowstate.history.SortColumns;

/** The E-mail tab's query, in SQL with the partner scope. Indexes: V3__email_history.sql. */
@Service
public class EmailHistoryQuery extends ActionHistoryQuery<EmailHistoryRow, EmailHistoryFilter> {

    EmailHistoryQuery(JdbcClient jdbc) {
        super(jdbc, SortColumns.forActions(
                        SortColumn.text("template", "h.template_name"),
                        SortColumn.text("recipient", "coalesce(h.recipient_email, '')"),
                        SortColumn.text("smtpCredential", "h.smtp_credential_name")), """
                        h.template_name, h.recipient_email, h.smtp_credential_name, h.subject, h.body_preview,
                        h.message_id, h.sent_at""",
                "email_history h");
    }

    @Override
    protected void filter(KeysetQuery query, EmailHistoryFilter filter) {
        query.contains("h.template_name", filter.template())
                .contains("h.recipient_email", filter.recipient())
                .contains("h.smtp_credential_name", filter.smtpCredential())
                .status("h.status", filter.status());
    }

    @Override
    protected EmailHistoryRow map(ActionRow shared, ResultSet rs) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new EmailHistoryRow(shared, rs.getString("template_name"), rs.getString("recipient_email"),
                rs.getString("smtp_credential_name"), rs.getString("subject"), rs.getString("body_preview"),
                rs.getString("message_id"), sentAt == null ? null : sentAt.toInstant());
    }
}
