package com.flowstate.action.noop;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.flowstate.history.ActionRow;
import com.flowstate.history.HistoryQuery;
import com.flowstate.history.HistorySort;
import com.flowstate.history.KeysetQuery;
import com.flowstate.history.Page;
import com.flowstate.history.SortColumns;
import com.flowstate.security.PartnerScope;

@Service
public class NoopHistoryQuery implements HistoryQuery<NoopHistoryRow, NoopHistoryFilter> {

    private static final SortColumns SORTS = SortColumns.forActions();

    private final JdbcClient jdbc;

    NoopHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<NoopHistoryRow> page(PartnerScope scope, NoopHistoryFilter filter, HistorySort sort, String cursor,
                                     int size) {
        return KeysetQuery.forActions("h.outcome, h.note", "noop_history h")
                .scope(scope)
                .common(filter)
                .status("h.status", filter.status())
                .page(jdbc, SORTS, sort, cursor, size,
                        rs -> new NoopHistoryRow(ActionRow.map(rs), rs.getString("outcome"), rs.getString("note")));
    }
}
