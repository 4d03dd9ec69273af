package com.flowstate.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the database says happened to the fault flow's opportunities, read straight from the tables (the node may be
 * gone): per opportunity, its successful manual close and the rows of each of the two actions that close runs, the
 * activities made, the e-mails' Message-IDs; and what the engine still holds (jobs, running instances, incidents).
 */
final class ActionLedger {

    /** One action of the flow: the history table its rows are in and the BPMN element it runs as. */
    enum Action {
        EMAIL("email_history", "SendPingClosedEmail"),
        ACTIVITY("activity_history", "PlanPingCall");

        final String table;
        final String element;

        Action(String table, String element) {
            this.table = table;
            this.element = element;
        }
    }

    /**
     * Per opportunity and action: how many history rows, how many succeeded, how many are not final (SCHEDULED,
     * RUNNING, RETRYING).
     */
    record Rows(int total, int succeeded, int unfinished) {
    }

    /**
     * @param closes        per opportunity, its successful manual closes of Ping (the substate change itself)
     * @param refusedCloses manual closes logged as refused (a client's retry after a lost answer)
     * @param actions       per action and opportunity, its history rows
     * @param activities    per opportunity, the activities (the create-activity action's side effect)
     * @param messageIds    per opportunity, the Message-IDs its e-mail history rows name
     * @param sentAgain     the Message-IDs whose row says the e-mail was sent again after an interrupted attempt
     * @param jobsLeft      the fault flow's jobs still in the engine
     * @param running       the fault flow's instances not ended
     * @param incidents     incidents ever raised on the fault flow
     */
    record Snapshot(Map<Long, Integer> closes, int refusedCloses, Map<Action, Map<Long, Rows>> actions,
                    Map<Long, Integer> activities, Map<Long, List<String>> messageIds, Set<String> sentAgain,
                    int jobsLeft, int running, int incidents) {

        /** Action executions that succeeded exactly once. */
        int done() {
            return (int) actions.values().stream().flatMap(rows -> rows.values().stream())
                    .filter(rows -> rows.total() == 1 && rows.succeeded() == 1).count();
        }

        /** Action executions with no successful row (none at all, failed, or left unfinished). */
        int lost() {
            return (int) actions.values().stream().flatMap(rows -> rows.values().stream())
                    .filter(rows -> rows.succeeded() == 0).count();
        }

        /** History rows beyond the first for one execution. */
        int duplicated() {
            return actions.values().stream().flatMap(rows -> rows.values().stream())
                    .mapToInt(rows -> Math.max(0, rows.total() - 1)).sum();
        }

        int unfinished() {
            return actions.values().stream().flatMap(rows -> rows.values().stream()).mapToInt(Rows::unfinished).sum();
        }
    }

    private final String url;
    private final String user;

    ActionLedger(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** Whether every instance of the fault flow has ended: every action of every change has run. */
    boolean allDone() {
        try (Connection connection = connect()) {
            return count(connection, "select count(*) from act_ru_job where process_def_key_ = 'FaultFlow'") == 0
                    && count(connection, RUNNING) == 0;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The process instances whose job a node holds locked right now: the actions in flight. Expired locks count too: a
     * busy node may still be running a job whose lock has run out.
     */
    Set<String> lockedJobInstances() {
        return lockedJobs("process_instance_id_");
    }

    /** How many nodes hold a job of the fault flow locked right now. */
    int nodesHoldingJobs() {
        try (Connection connection = connect()) {
            return (int) count(connection, "select count(distinct lock_owner_) from act_ru_job"
                    + " where process_def_key_ = 'FaultFlow' and lock_owner_ is not null");
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the lock owners: " + e.getMessage(), e);
        }
    }

    /** The ids of the jobs a node holds locked right now. */
    Set<String> lockedJobIds() {
        return lockedJobs("id_");
    }

    private Set<String> lockedJobs(String column) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("select " + column
                     + " from act_ru_job where process_def_key_ = 'FaultFlow' and lock_owner_ is not null");
             ResultSet rows = query.executeQuery()) {
            Set<String> ids = new TreeSet<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the locked jobs: " + e.getMessage(), e);
        }
    }

    /** The Message-IDs of the e-mails of these process instances. */
    Set<String> messageIdsOf(Set<String> processInstances) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "select message_id from email_history where process_instance_id = any(?) and message_id is not null")) {
            query.setArray(1, connection.createArrayOf("text", processInstances.toArray()));
            Set<String> ids = new TreeSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading Message-IDs: " + e.getMessage(), e);
        }
    }

    Snapshot read(List<Long> opportunities) {
        try (Connection connection = connect()) {
            Long[] ids = opportunities.toArray(Long[]::new);
            Map<Long, Integer> closes = perOpportunity(connection, """
                    select o.id, count(h.id) from unnest(?::bigint[]) o(id)
                    left join substate_change_history h on h.opportunity_id = o.id and h.manual
                     and h.change_type = 'CLOSE' and h.target_substate_key = 'Ping' and h.status = 'SUCCEEDED'
                    group by o.id""", ids);
            int refused = (int) count(connection, """
                    select count(*) from substate_change_history h join opportunity o on o.id = h.opportunity_id
                    where o.flow_key = 'FaultFlow' and h.manual and h.status = 'FAILED'""");
            Map<Action, Map<Long, Rows>> actions = new LinkedHashMap<>();
            for (Action action : Action.values()) {
                actions.put(action, rows(connection, action, ids));
            }
            Map<Long, Integer> activities = perOpportunity(connection, """
                    select o.id, count(a.id) from unnest(?::bigint[]) o(id)
                    left join activity a on a.opportunity_id = o.id and a.subject like 'Call %'
                    group by o.id""", ids);
            Map<Long, List<String>> messageIds = new HashMap<>();
            Set<String> sentAgain = new TreeSet<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select opportunity_id, message_id, last_error like 'Sent again after an interrupted attempt%'
                    from email_history
                    where opportunity_id = any(?) and activity_id = 'SendPingClosedEmail' and message_id is not null""")) {
                query.setArray(1, connection.createArrayOf("bigint", ids));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        messageIds.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(rows.getString(2));
                        if (rows.getBoolean(3)) {
                            sentAgain.add(rows.getString(2));
                        }
                    }
                }
            }
            return new Snapshot(closes, refused, actions, activities, messageIds, sentAgain,
                    (int) count(connection, "select count(*) from act_ru_job where process_def_key_ = 'FaultFlow'"),
                    (int) count(connection, RUNNING),
                    (int) count(connection, "select count(*) from act_hi_incident where proc_def_key_ = 'FaultFlow'"));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the action history: " + e.getMessage(), e);
        }
    }

    private static final String RUNNING = """
            select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
            where d.key_ = 'FaultFlow' and e.parent_id_ is null""";

    private static Map<Long, Rows> rows(Connection connection, Action action, Long[] ids) throws SQLException {
        // The table and element names come from the enum above, never from input.
        String sql = """
                select o.id, count(h.id), count(h.id) filter (where h.status = 'SUCCEEDED'),
                       count(h.id) filter (where h.status not in ('SUCCEEDED', 'FAILED'))
                from unnest(?::bigint[]) o(id)
                left join %s h on h.opportunity_id = o.id and h.activity_id = '%s'
                group by o.id""".formatted(action.table, action.element);
        Map<Long, Rows> result = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("bigint", ids));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getLong(1), new Rows(rows.getInt(2), rows.getInt(3), rows.getInt(4)));
                }
            }
        }
        return result;
    }

    private static Map<Long, Integer> perOpportunity(Connection connection, String sql, Long[] ids)
            throws SQLException {
        Map<Long, Integer> result = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("bigint", ids));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getLong(1), rows.getInt(2));
                }
            }
        }
        return result;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }
}
