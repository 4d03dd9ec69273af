package com.flowstate.history;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.history.ActionStatus;
import com.flowstate.flow.SubstateChangeType;
import com.flowstate.security.PartnerScope;

/**
 * The Substates tab's query: filters, sort, keyset paging and the partner scope, all in SQL. The Vaadin tab and the
 * REST API both call it, so a partner never sees another company's rows on either. Indexes:
 * V5__substate_changes.sql.
 */
@Service
public class SubstateChangeHistoryQuery {

    private static final String COLUMNS = """
            h.id, h.opportunity_id, o.name opportunity_name, h.change_type, h.target_substate_key,
            h.target_substate_name, h.status, h.attempts, h.last_error, h.manual, h.changed_by,
            h.substate_key, h.substate_name, h.trigger, h.activity_id, h.created_at, h.updated_at""";
    private static final String FROM = "substate_change_history h join opportunity o on o.id = h.opportunity_id";

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
        KeysetQuery query = new KeysetQuery(COLUMNS, FROM, "h.id")
                .scope(scope)
                .equalTo("h.opportunity_id", filter.opportunityId())
                .contains("o.name", filter.opportunity())
                .equalTo("h.change_type", filter.changeType() == null ? null : filter.changeType().name())
                .containsInAny(filter.substate(), "h.target_substate_name", "h.target_substate_key");
        if (filter.manual() != null) {
            query.where(filter.manual() ? "h.manual" : "not h.manual");
        }
        return query.status("h.status", filter.status())
                .between("h.created_at", filter.from(), filter.to())
                .page(jdbc, sort, direction, cursor, size, SubstateChangeHistoryQuery::map);
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
