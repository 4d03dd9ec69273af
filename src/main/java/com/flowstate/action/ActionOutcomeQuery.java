package com.flowstate.action;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.history.CappedCount;
import com.flowstate.history.OutcomeCounts;
import com.flowstate.security.PartnerScope;

/**
 * Counts every action's outcomes in its own history table. One query per action, each an index range scan: the
 * tables' {@code (status, created_at desc, id desc)} index answers "this status since that day" without reading the
 * rows (an index-only scan once the visibility map is set), and a partner's count goes through its opportunities
 * and the {@code (opportunity_id, created_at desc, id desc)} index. Every count is shown capped at
 * {@link CappedCount#CAP}; everyone's are counted so (bounded work at any table size), a partner's in one pass over its
 * own rows. Decision 0027 has the cost at 10M rows.
 */
@Component
class ActionOutcomeQuery implements OutcomeCounts {

    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final JdbcClient jdbc;
    private final Actions actions;

    ActionOutcomeQuery(JdbcClient jdbc, Actions actions) {
        this.jdbc = jdbc;
        this.actions = actions;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ActionOutcomes> since(PartnerScope scope, List<LocalDate> since) {
        if (since.isEmpty()) {
            throw new IllegalArgumentException("No day to count from");
        }
        List<ActionOutcomes> result = new ArrayList<>();
        for (String name : actions.names()) {
            actions.find(name).ifPresent(action -> result.add(count(action, scope, since)));
        }
        return result;
    }

    private ActionOutcomes count(Action<?> action, PartnerScope scope, List<LocalDate> since) {
        StringBuilder sql = new StringBuilder("select ");
        List<Object> values = new ArrayList<>();
        if (scope.isRestricted()) {
            // A partner's rows: one pass over the 30 days of its opportunities' rows (a hash join with its
            // opportunities), bounded by the partner's share, not the table. Six capped subqueries would each repeat
            // that join; the numbers are capped when shown.
            for (LocalDate day : since) {
                for (String status : List.of("SUCCEEDED", "FAILED", "RETRYING")) {
                    sql.append("count(*) filter (where h.status = '").append(status).append("' and h.created_at >= ?), ");
                    values.add(start(day));
                }
            }
            sql.setLength(sql.length() - 2);
            sql.append(" from ").append(action.historyTable()).append(" h")
                    .append(" where h.status in ('SUCCEEDED', 'FAILED', 'RETRYING') and h.created_at >= ?")
                    .append(" and h.opportunity_id in (select o.id from opportunity o where o.installer_id = ?")
                    .append(" or o.seller_id = ?)");
            values.add(start(since.stream().min(LocalDate::compareTo).orElseThrow()));
            values.add(scope.companyId().getAsLong());
            values.add(scope.companyId().getAsLong());
        } else {
            // Everyone's rows: one capped count per day and status, each reading at most CAP + 1 entries of the
            // (status, created_at) index (index-only once vacuumed), however many rows the table holds (decision 0027).
            for (LocalDate day : since) {
                for (String status : List.of("SUCCEEDED", "FAILED", "RETRYING")) {
                    sql.append("(").append(CappedCount.sql("select 1 from " + action.historyTable() + " h"
                            + " where h.status = '" + status + "' and h.created_at >= ?")).append("), ");
                    values.add(start(day));
                }
            }
            sql.setLength(sql.length() - 2);
        }
        List<Outcomes> counts = jdbc.sql(sql.toString()).params(values).query((rs, row) -> {
            List<Outcomes> perDay = new ArrayList<>();
            int column = 1;
            for (LocalDate day : since) {
                perDay.add(new Outcomes(day, CappedCount.of(rs.getLong(column)),
                        CappedCount.of(rs.getLong(column + 1)), CappedCount.of(rs.getLong(column + 2))));
                column += 3;
            }
            return perDay;
        }).single();
        String table = action.historyTable();
        return new ActionOutcomes(action.name(), table.substring(0, table.indexOf('_')), counts);
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZONE).toInstant());
    }
}
