package com.flowstate.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.history.ActionStatus;
import com.flowstate.security.PartnerScope;

/**
 * The Webhook tab's query: filters, sort, keyset paging and the partner scope, all in SQL. The Vaadin tab and the
 * REST API both call it, so a partner never sees another company's rows on either. Indexes: V8__webhooks.sql.
 */
@Service
public class WebhookHistoryQuery {

    private static final String COLUMNS = """
            h.id, h.opportunity_id, o.name opportunity_name, h.url, h.event_name, h.response_code,
            h.response_excerpt, h.duration_ms, h.called_at, h.status, h.attempts, h.last_error,
            h.substate_key, h.substate_name, h.trigger, h.created_at""";
    private static final String FROM = "webhook_history h join opportunity o on o.id = h.opportunity_id";

    private final JdbcClient jdbc;

    WebhookHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of rows the scope may see.
     *
     * @param cursor the previous page's {@link Page#nextCursor()}, or null for the first page
     * @throws IllegalArgumentException for a cursor that does not belong to this sort
     */
    @Transactional(readOnly = true)
    public Page<WebhookHistoryRow> page(PartnerScope scope, WebhookHistoryFilter filter, WebhookHistorySort sort,
                                        SortDirection direction, String cursor, int size) {
        return new KeysetQuery(COLUMNS, FROM, "h.id")
                .scope(scope)
                .equalTo("h.opportunity_id", filter.opportunityId())
                .contains("o.name", filter.opportunity())
                .contains("h.url", filter.url())
                .equalTo("h.response_code", filter.responseCode())
                .status("h.status", filter.status())
                .between("h.created_at", filter.from(), filter.to())
                .page(jdbc, sort, direction, cursor, size, WebhookHistoryQuery::map);
    }

    private static WebhookHistoryRow map(ResultSet rs) throws SQLException {
        Timestamp calledAt = rs.getTimestamp("called_at");
        return new WebhookHistoryRow(rs.getLong("id"), rs.getLong("opportunity_id"), rs.getString("opportunity_name"),
                rs.getString("url"), rs.getString("event_name"), rs.getObject("response_code", Integer.class),
                rs.getString("response_excerpt"), rs.getObject("duration_ms", Long.class),
                calledAt == null ? null : calledAt.toInstant(), ActionStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getString("substate_key"),
                rs.getString("substate_name"), rs.getString("trigger"), rs.getTimestamp("created_at").toInstant());
    }
}
