package com.flowstate.history;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.security.PartnerScope;

/**
 * The query of an action's tab, where rows belong to the opportunity they ran for: the partner scope, the filters
 * every tab has, keyset paging and the shared columns are done here; a tab adds its own columns, joins and filters.
 *
 * @param <R> row
 * @param <F> filter
 */
public abstract class ActionHistoryQuery<R extends ActionHistoryRow, F extends ActionFilter>
        implements HistoryQuery<R, F> {

    private final JdbcClient jdbc;
    private final SortColumns sorts;
    private final String ownColumns;
    private final String from;

    /**
     * @param sorts      the columns the tab sorts by ({@link SortColumns#forActions})
     * @param ownColumns the tab's own select list, e.g. {@code h.template_name, h.recipient_email}
     * @param from       the action's history table {@code h} and any further joins
     */
    protected ActionHistoryQuery(JdbcClient jdbc, SortColumns sorts, String ownColumns, String from) {
        this.jdbc = jdbc;
        this.sorts = sorts;
        this.ownColumns = ownColumns;
        this.from = from;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<R> page(PartnerScope scope, F filter, HistorySort sort, String cursor, int size) {
        KeysetQuery query = KeysetQuery.forActions(ownColumns, from).scope(scope).common(filter);
        filter(query, filter);
        return query.page(jdbc, sorts, sort, cursor, size, rs -> map(ActionRow.map(rs), rs));
    }

    @Override
    @Transactional(readOnly = true)
    public String cursorAfter(PartnerScope scope, F filter, HistorySort sort, String cursor, int rows) {
        KeysetQuery query = KeysetQuery.forActions(ownColumns, from).scope(scope).common(filter);
        filter(query, filter);
        return query.seek(jdbc, sorts, sort, cursor, rows);
    }

    @Override
    @Transactional(readOnly = true)
    public long estimate(PartnerScope scope, F filter) {
        KeysetQuery query = KeysetQuery.forActions(ownColumns, from).scope(scope).common(filter);
        filter(query, filter);
        return query.estimate(jdbc);
    }

    /** Adds the tab's own filters. */
    protected abstract void filter(KeysetQuery query, F filter);

    /** The tab's row, from the shared columns already read and its own in the result set. */
    protected abstract R map(ActionRow shared, ResultSet rs) throws SQLException;
}
