package com.flowstate.action.substate;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.flowstate.history.ActionHistoryQuery;
import com.flowstate.history.ActionRow;
import com.flowstate.history.KeysetQuery;
import com.flowstate.history.SortColumn;
import com.flowstate.history.SortColumns;

/**
 * The Substates tab's query, in SQL with the partner scope: automatic and manual changes together, the
 * opportunity's substate log. Indexes: V5__substate_changes.sql.
 */
@Service
public class SubstateChangeHistoryQuery extends ActionHistoryQuery<SubstateChangeHistoryRow, SubstateChangeHistoryFilter> {

    SubstateChangeHistoryQuery(JdbcClient jdbc) {
        super(jdbc, SortColumns.forActions(
                        SortColumn.text("changeType", "coalesce(h.change_type, '')"),
                        SortColumn.text("substate", "coalesce(h.target_substate_name, h.target_substate_key, '')")), """
                        h.change_type, h.target_substate_key, h.target_substate_name, h.manual, h.changed_by,
                        h.activity_id, h.updated_at, coalesce(cu.display_name, h.changed_by) changed_by_name""",
                "substate_change_history h left join app_user cu on cu.username = h.changed_by");
    }

    @Override
    protected void filter(KeysetQuery query, SubstateChangeHistoryFilter filter) {
        query.equalTo("h.change_type", filter.changeType() == null ? null : filter.changeType().name())
                .containsInAny(filter.substate(), "h.target_substate_name", "h.target_substate_key")
                .status("h.status", filter.status());
        if (filter.manual() != null) {
            query.where(filter.manual() ? "h.manual" : "not h.manual");
        }
    }

    @Override
    protected SubstateChangeHistoryRow map(ActionRow shared, ResultSet rs) throws SQLException {
        String changeType = rs.getString("change_type");
        return new SubstateChangeHistoryRow(shared,
                changeType == null ? null : SubstateChangeKind.valueOf(changeType),
                rs.getString("target_substate_key"), rs.getString("target_substate_name"), rs.getBoolean("manual"),
                rs.getString("changed_by"), rs.getString("activity_id"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("changed_by_name"));
    }
}
