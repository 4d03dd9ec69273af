package com.flowstate.action.webhook;

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

/** The Webhook tab's query, in SQL with the partner scope. Indexes: V8__webhooks.sql. */
@Service
public class WebhookHistoryQuery extends ActionHistoryQuery<WebhookHistoryRow, WebhookHistoryFilter> {

    WebhookHistoryQuery(JdbcClient jdbc) {
        super(jdbc, SortColumns.forActions(
                        SortColumn.text("url", "h.url"),
                        SortColumn.of("responseCode", "coalesce(h.response_code, 0)", "int")), """
                        h.url, h.event_name, h.response_code, h.response_excerpt, h.duration_ms, h.called_at""",
                "webhook_history h");
    }

    @Override
    protected void filter(KeysetQuery query, WebhookHistoryFilter filter) {
        query.contains("h.url", filter.url())
                .equalTo("h.response_code", filter.responseCode())
                .status("h.status", filter.status());
    }

    @Override
    protected WebhookHistoryRow map(ActionRow shared, ResultSet rs) throws SQLException {
        Timestamp calledAt = rs.getTimestamp("called_at");
        return new WebhookHistoryRow(shared, rs.getString("url"), rs.getString("event_name"),
                rs.getObject("response_code", Integer.class), rs.getString("response_excerpt"),
                rs.getObject("duration_ms", Long.class), calledAt == null ? null : calledAt.toInstant());
    }
}
