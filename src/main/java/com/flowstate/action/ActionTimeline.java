package com.flowstate.action;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.history.ActionStatus;
import com.flowstate.i18n.Reason;
import com.flowstate.history.ui.HistoryTabProvider;
import com.flowstate.opportunity.OpportunityNotFoundException;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;

/**
 * Every action execution of one opportunity, of every action, newest first: one {@code UNION ALL} over the actions'
 * history tables, each branch walking its table's {@code (opportunity_id, created_at desc, id desc)} index and cut
 * to the limit before the union, so the cost is the limit times the number of actions, whatever the tables' size.
 * The actions are the beans the application has ({@link Actions}): a new action appears here with no change.
 */
@Service
public class ActionTimeline {

    /** The most a caller may ask for at once; "show more" asks for more up to this. */
    public static final int MAX_LIMIT = 1000;

    private final Actions actions;
    private final ObjectProvider<HistoryTabProvider> tabs;
    private final OpportunityService opportunities;
    private final JdbcClient jdbc;

    ActionTimeline(Actions actions, ObjectProvider<HistoryTabProvider> tabs, OpportunityService opportunities,
                   JdbcClient jdbc) {
        this.actions = actions;
        this.tabs = tabs;
        this.opportunities = opportunities;
        this.jdbc = jdbc;
    }

    /**
     * The opportunity's latest action executions, newest first.
     *
     * @throws OpportunityNotFoundException when the scope does not let the user see the opportunity (or it does
     *                                      not exist: the two are one answer)
     */
    @Transactional(readOnly = true)
    public List<ActionExecution> of(PartnerScope scope, long opportunityId, int limit) {
        // Scope first, in the service: the union below reads by opportunity id only.
        opportunities.get(scope, opportunityId);
        int max = Math.min(Math.max(limit, 1), MAX_LIMIT);
        Map<String, String> tabKeys = tabs.orderedStream().collect(Collectors.toMap(HistoryTabProvider::action,
                tab -> tab.id().startsWith("tab-") ? tab.id().substring(4) : tab.id(), (a, b) -> a));
        List<String> branches = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (String name : actions.names()) {
            Action<?> action = actions.find(name).orElseThrow();
            branches.add("(select ? action, h.id row_id, h.execution_key, h.activity_id, h.substate_key, h.substate_name, "
                    + "h.trigger, h.status, h.attempts, h.last_error, h.reason_code, h.reason_params::text reason_params, " + action.timelineSummary() + " summary, "
                    + "h.created_at, h.updated_at from " + action.historyTable() + " h where h.opportunity_id = ? "
                    + "order by h.created_at desc, h.id desc limit ?)");
            params.add(name);
            params.add(opportunityId);
            params.add(max);
        }
        if (branches.isEmpty()) {
            return List.of();
        }
        String sql = String.join("\nunion all\n", branches) + "\norder by created_at desc, row_id desc limit ?";
        params.add(max);
        return jdbc.sql(sql).params(params).query((rs, row) -> new ActionExecution(
                rs.getString("action"), tabKeys.getOrDefault(rs.getString("action"), rs.getString("action")),
                rs.getLong("row_id"), rs.getString("execution_key"), rs.getString("activity_id"),
                rs.getString("substate_key"), rs.getString("substate_name"), rs.getString("trigger"), ActionStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error") == null && rs.getString("reason_code") == null ? null
                        : Reason.stored(rs.getString("reason_code"), rs.getString("reason_params"),
                        rs.getString("last_error")), rs.getString("summary"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")))).list();
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
