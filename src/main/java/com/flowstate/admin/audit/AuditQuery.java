package com.flowstate.admin.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditEntry;
import com.flowstate.history.HistoryQuery;
import com.flowstate.history.HistorySort;
import com.flowstate.history.KeysetQuery;
import com.flowstate.history.Page;
import com.flowstate.history.SortColumn;
import com.flowstate.history.SortColumns;

/**
 * Reads the audit trail for admins, the way a history tab reads its rows: filters, newest first, keyset pages (no
 * OFFSET, no count). Indexes: V26__audit_trail.sql ({@code at desc, id desc}, and by area).
 */
@Service
public class AuditQuery {

    /** {@code createdAt} is the time of the change, the name every history endpoint sorts by. */
    static final SortColumns SORTS = SortColumns.of(
            SortColumn.of("createdAt", "a.at", "timestamptz"),
            SortColumn.text("actor", "a.actor"),
            SortColumn.text("area", "a.area"),
            SortColumn.text("subject", "a.subject"));
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    AuditQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the trail.
     *
     * @throws IllegalArgumentException for an unknown sort column, a cursor of another sort or a broken one, a size
     *                                  out of 1 to {@value HistoryQuery#MAX_PAGE_SIZE}, a day out of range
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<AuditEntry> page(AuditFilter filter, HistorySort sort, String cursor, int size) {
        return query(filter).page(jdbc, SORTS, sort, cursor, size, this::map);
    }

    /** The cursor {@code rows} rows after {@code cursor}, for a grid's scroll bar dragged far down. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public String cursorAfter(AuditFilter filter, HistorySort sort, String cursor, int rows) {
        return query(filter).seek(jdbc, SORTS, sort, cursor, rows);
    }

    private static KeysetQuery query(AuditFilter filter) {
        AuditFilter f = filter == null ? AuditFilter.empty() : filter;
        return new KeysetQuery("a.id, a.at, a.actor, a.area, a.subject, a.change, a.before::text before_json, "
                + "a.after::text after_json", "audit_entry a", "a.id")
                .equalTo("a.area", f.area() == null ? null : f.area().name())
                .equalTo("a.change", f.change() == null ? null : f.change().name())
                .contains("a.actor", f.actor())
                .contains("a.subject", f.subject())
                .between("a.at", f.from(), f.to());
    }

    private AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                AuditArea.valueOf(rs.getString("area")), rs.getString("subject"),
                AuditChange.valueOf(rs.getString("change")), read(rs.getString("before_json")),
                read(rs.getString("after_json")));
    }

    private Map<String, Object> read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit row holds JSON that is not an object", e);
        }
    }
}
