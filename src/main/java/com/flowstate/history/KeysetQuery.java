package com.flowstate.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.history.ActionStatus;
import com.flowstate.security.PartnerScope;

/**
 * Builds the query of one page of a history tab: partner scope, filters, keyset position, order and limit, all as
 * bound SQL. Every tab's query goes through it, so every tab pages the same way (no OFFSET, no count) and applies the
 * partner scope the same way.
 */
public final class KeysetQuery {

    /** Dates of the date-range filters are days in the company's time zone. */
    static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    private final String columns;
    private final String from;
    private final String idColumn;
    private final StringBuilder where = new StringBuilder(" where true");
    private final List<Object> params = new ArrayList<>();
    private final List<Alternative> alternatives = new ArrayList<>();

    /**
     * @param columns  the select list
     * @param from     the from clause, joining {@code opportunity o} where the scope applies
     * @param idColumn unique, increasing id of a row: the keyset's tie-break
     */
    public KeysetQuery(String columns, String from, String idColumn) {
        this.columns = columns;
        this.from = from;
        this.idColumn = idColumn;
    }

    /**
     * The query of an action's tab: the {@link ActionRow} columns and the action's own from its table {@code h},
     * joined with the row's opportunity {@code o}.
     *
     * @param ownColumns the action's own select list, e.g. {@code h.template_name, h.recipient_email}
     * @param table      the action's history table and any further joins
     */
    public static KeysetQuery forActions(String ownColumns, String table) {
        return new KeysetQuery(ActionRow.COLUMNS + ", " + ownColumns,
                table + " join opportunity o on o.id = h.opportunity_id", "h.id");
    }

    /** The filters every action's tab has: opportunity id and name, and the day range of the row's creation. */
    public KeysetQuery common(ActionFilter filter) {
        return equalTo("h.opportunity_id", filter.opportunityId())
                .contains("o.name", filter.opportunity())
                .between("h.created_at", filter.from(), filter.to());
    }

    /** Only rows of opportunities assigned to the scope's company (as installer or seller). */
    public KeysetQuery scope(PartnerScope scope) {
        if (scope.isRestricted()) {
            long company = scope.companyId().getAsLong();
            return where("(o.installer_id = ? or o.seller_id = ?)", company, company);
        }
        return this;
    }

    /** Contains, ignoring case; no-op for an empty text. */
    public KeysetQuery contains(String column, String text) {
        return containsInAny(text, column);
    }

    /** Contains in any of the columns, ignoring case; no-op for an empty text. */
    public KeysetQuery containsInAny(String text, String... columns) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String pattern = containsPattern(text);
        List<String> conditions = new ArrayList<>();
        List<Object> patterns = new ArrayList<>();
        for (String column : columns) {
            conditions.add(column + " ilike ?");
            patterns.add(pattern);
        }
        return where("(" + String.join(" or ", conditions) + ")", patterns.toArray());
    }

    /** The {@code ilike} pattern of "contains {@code text}": wildcards and backslashes literal, blanks cut. */
    public static String containsPattern(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * One of {@code values} (an empty list matches no row); no-op for null. A single value is an equality, so an index
     * leading with the column and then the sort reads the page in order (the planner does not see a one-element
     * {@code any} so, and walked the whole sort index for a value it guessed common).
     */
    public KeysetQuery in(String column, List<Long> values) {
        if (values == null) {
            return this;
        }
        return values.size() == 1 ? where(column + " = ?", values.get(0))
                : where(column + " = any(?)", (Object) values.toArray(Long[]::new));
    }

    /** Equals; no-op for null. */
    public KeysetQuery equalTo(String column, Object value) {
        return value == null ? this : where(column + " = ?", value);
    }

    /** The seed's status: true = succeeded, false = failed; null = any. */
    public KeysetQuery status(String column, Boolean status) {
        return status == null ? this
                : where(column + " = ?", (status ? ActionStatus.SUCCEEDED : ActionStatus.FAILED).name());
    }

    /** The days a date filter may name: anything else is a mistake, not a range the history could hold. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /**
     * From the start of {@code from} to the end of {@code to}, both included; either may be null.
     *
     * @throws IllegalArgumentException naming {@code from} or {@code to} outside 1900-01-01 to 9999-12-31
     */
    public KeysetQuery between(String column, LocalDate from, LocalDate to) {
        requireDay("from", from);
        requireDay("to", to);
        if (from != null) {
            where(column + " >= ?", Timestamp.from(from.atStartOfDay(ZONE).toInstant()));
        }
        if (to != null) {
            where(column + " < ?", Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant()));
        }
        return this;
    }

    /** A cursor of the right layout whose value the sort column's type cannot take is a forged or broken one. */
    private static void requireCastable(JdbcClient jdbc, String value, String sqlType) {
        try {
            jdbc.sql("select cast(? as " + sqlType + ") is not null").param(value).query(Boolean.class).single();
        } catch (DataIntegrityViolationException e) {
            throw new IllegalArgumentException("Invalid cursor", e);
        }
    }

    private static void requireDay(String parameter, LocalDate day) {
        if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
            throw new IllegalArgumentException("Invalid " + parameter + " '" + day + "': expected a day from "
                    + EARLIEST + " to " + LATEST);
        }
    }

    public KeysetQuery where(String condition, Object... values) {
        where.append(" and ").append(condition);
        params.addAll(List.of(values));
        return this;
    }

    /**
     * Adds one alternative: the query keeps the rows that match at least one of its alternatives (and every
     * {@link #where}). Unlike an {@code or} in one condition, a page is the union of each alternative's own page, so
     * each can be read from its own index: a partner's rows "offered to it" or "on its opportunities" are found by two
     * index scans instead of one scan of the whole table filtered (decision 0027).
     */
    public KeysetQuery either(String condition, Object... values) {
        alternatives.add(new Alternative(condition, List.of(values)));
        return this;
    }

    /** The where clause with every alternative or-ed: what a seek and an estimate read. */
    private String allRows(List<Object> values) {
        values.addAll(params);
        if (alternatives.isEmpty()) {
            return where.toString();
        }
        List<String> conditions = new ArrayList<>();
        for (Alternative alternative : alternatives) {
            conditions.add("(" + alternative.condition() + ")");
            values.addAll(alternative.values());
        }
        return where + " and (" + String.join(" or ", conditions) + ")";
    }

    /**
     * Runs the query for one page.
     *
     * @throws IllegalArgumentException for a cursor made for another sort
     */
    public <T> Page<T> page(JdbcClient jdbc, SortColumns sorts, HistorySort requested, String cursor, int size,
                            RowMapper<T> mapper) {
        SortColumn sort = sorts.column(requested);
        SortDirection direction = requested.direction();
        if (size < 1 || size > HistoryQuery.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Invalid size " + size + ": expected 1 to " + HistoryQuery.MAX_PAGE_SIZE);
        }
        int limit = size;
        String order = direction == SortDirection.ASC ? " asc" : " desc";
        String orderBy = " order by " + sort.expression() + order + ", " + idColumn + order;
        // Two steps (a "deferred join"): the inner query finds the page's ids, touching only the filter, scope and sort
        // columns, which an index often holds (an index-only scan when the rows are all-visible); only then are the
        // page's rows read. A small partner's rows lie scattered over the table: at 10M rows this reads 51 rows
        // instead of its thousands (decision 0027). With alternatives the ids are the union of each one's first
        // limit + 1, of which the outer query keeps the first limit + 1.
        List<Object> values = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (Alternative alternative : alternatives.isEmpty() ? List.of(Alternative.ALL) : alternatives) {
            StringBuilder sql = new StringBuilder("select ").append(idColumn).append(" from ").append(from)
                    .append(where).append(" and (").append(alternative.condition()).append(")");
            values.addAll(params);
            values.addAll(alternative.values());
            after(jdbc, sort, direction, cursor, sql, values);
            sql.append(orderBy).append(" limit ?");
            values.add(limit + 1);
            branches.add(branches.isEmpty() && alternatives.size() < 2 ? sql.toString() : "(" + sql + ")");
        }
        String page = "select " + columns + ", cast(" + sort.expression() + " as text) sort_value, " + idColumn
                + " keyset_id from " + from + " where " + idColumn + " in (" + String.join(" union ", branches) + ")"
                + orderBy + (branches.size() > 1 ? " limit " + (limit + 1) : "");

        List<Keyed<T>> rows = jdbc.sql(page).params(values)
                .query((rs, n) -> new Keyed<>(mapper.map(rs), rs.getString("sort_value"), rs.getLong("keyset_id")))
                .list();
        String next = null;
        if (rows.size() > limit) {
            Keyed<T> last = rows.get(limit - 1);
            next = new Cursor(sort.name(), direction, last.sortValue(), last.id()).encode();
        }
        return new Page<>(rows.stream().limit(limit).map(Keyed::row).toList(), next);
    }

    /** Narrows {@code sql} to the rows after the cursor's position (none: from the first row). */
    private void after(JdbcClient jdbc, SortColumn sort, SortDirection direction, String cursor, StringBuilder sql,
                       List<Object> values) {
        if (cursor == null || cursor.isBlank()) {
            return;
        }
        Cursor position = Cursor.decode(cursor);
        if (!position.sort().equals(sort.name()) || position.direction() != direction) {
            throw new IllegalArgumentException("The cursor belongs to another sort");
        }
        requireCastable(jdbc, position.value(), sort.sqlType());
        sql.append(" and (").append(sort.expression()).append(", ").append(idColumn).append(") ")
                .append(direction == SortDirection.ASC ? ">" : "<")
                .append(" (cast(? as ").append(sort.sqlType()).append("), ?)");
        values.add(position.value());
        values.add(position.id());
    }

    /**
     * The cursor {@code rows} rows after {@code cursor} (null: from the first row): the cursor of the page that starts
     * there, found by one query that skips the rows in between in the sort's index order (OFFSET from a keyset
     * position, reading keys only) instead of reading every page up to it; null when fewer rows follow.
     *
     * @throws IllegalArgumentException for a cursor made for another sort
     */
    public String seek(JdbcClient jdbc, SortColumns sorts, HistorySort requested, String cursor, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("Invalid number of rows to skip: " + rows);
        }
        SortColumn sort = sorts.column(requested);
        SortDirection direction = requested.direction();
        List<Object> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select cast(").append(sort.expression()).append(" as text) sort_value, ")
                .append(idColumn).append(" keyset_id from ").append(from).append(allRows(values));
        after(jdbc, sort, direction, cursor, sql, values);
        String order = direction == SortDirection.ASC ? " asc" : " desc";
        sql.append(" order by ").append(sort.expression()).append(order).append(", ").append(idColumn).append(order)
                .append(" offset ? limit 1");
        values.add(rows - 1);
        return jdbc.sql(sql.toString()).params(values)
                .query((rs, n) -> new Cursor(sort.name(), direction, rs.getString("sort_value"),
                        rs.getLong("keyset_id")).encode())
                .optional().orElse(null);
    }

    /**
     * How many rows the query holds by the planner's estimate (EXPLAIN, nothing counted): what a grid's scroll bar
     * spans, so a user can drag it far down; the grid corrects it when a page comes back short.
     */
    public long estimate(JdbcClient jdbc) {
        List<Object> values = new ArrayList<>();
        String plan = String.join("\n", jdbc.sql("explain (format json) select 1 from " + from + allRows(values))
                .params(values).query(String.class).list());
        Matcher rows = PLAN_ROWS.matcher(plan);
        return rows.find() ? Long.parseLong(rows.group(1)) : 0;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private record Keyed<T>(T row, String sortValue, long id) {
    }

    private record Alternative(String condition, List<Object> values) {

        /** No alternatives: every row the wheres keep. */
        static final Alternative ALL = new Alternative("true", List.of());
    }
}
