package com.flowstate.action.webhook;

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

/** The Webhook tab's query, in SQL with the partner scope. Indexes: V8__webhooks.sql. */
@Service
public class WebhookHistoryQuery implements HistoryQuery<WebhookHistoryRow, WebhookHistoryFilter> {

    private static final SortColumns SORTS = SortColumns.forActions(
            SortColumn.text("url", "h.url"),
            SortColumn.of("responseCode", "coalesce(h.response_code, 0)", "int"));

    private final JdbcClient jdbc;

    WebhookHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<WebhookHistoryRow> page(PartnerScope scope, WebhookHistoryFilter filter, HistorySort sort,
                                        String cursor, int size) {
        return KeysetQuery.forActions("""
                        h.url, h.event_name, h.response_code, h.response_excerpt, h.duration_ms, h.called_at""",
                        "webhook_history h")
                .scope(scope)
                .common(filter)
                .contains("h.url", filter.url())
                .equalTo("h.response_code", filter.responseCode())
                .status("h.status", filter.status())
                .page(jdbc, SORTS, sort, cursor, size, WebhookHistoryQuery::map);
    }

    private static WebhookHistoryRow map(ResultSet rs) throws SQLException {
        Timestamp calledAt = rs.getTimestamp("called_at");
        return new WebhookHistoryRow(ActionRow.map(rs), rs.getString("url"), rs.getString("event_name"),
                rs.getObject("response_code", Integer.class), rs.getString("response_excerpt"),
                rs.getObject("duration_ms", Long.class), calledAt == null ? null : calledAt.toInstant());
    }
}
