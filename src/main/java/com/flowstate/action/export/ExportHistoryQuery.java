package com.flowstate.action.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.history.ActionRow;
import com.flowstate.history.HistoryQuery;
import com.flowstate.history.HistorySort;
import com.flowstate.history.KeysetQuery;
import com.flowstate.history.Page;
import com.flowstate.history.SortColumn;
import com.flowstate.history.SortColumns;
import com.flowstate.security.PartnerScope;

/**
 * The Exports tab's query, in SQL with the partner scope. A partner company sees the rows of the exports its own
 * opportunities' substates ran, and the scheduled exports (no opportunity, hence the left join) made for it. Only a
 * file made for it (its content generated within its scope, recorded at export time in {@code scope_company_id}) is
 * downloadable for it ({@code hasFile}); one made for someone else (the platform, another recipient) holds data beyond
 * its opportunities, so the row shows without the file (and {@link ExportFiles#find} refuses it). The file's bytes are never read here. Indexes:
 * V9__exports.sql; see docs/decisions/0022.
 */
@Service
public class ExportHistoryQuery implements HistoryQuery<ExportHistoryRow, ExportHistoryFilter> {

    /** The tab's sorts; not the opportunity's name, which a scheduled export lacks (keyset values are never null). */
    private static final SortColumns SORTS = SortColumns.of(
            SortColumn.of("createdAt", "h.created_at", "timestamptz"),
            SortColumn.text("template", "h.template_name"),
            SortColumn.text("exportType", "coalesce(h.export_type, '')"),
            SortColumn.text("extension", "coalesce(h.extension, '')"),
            SortColumn.text("recipient", "coalesce(h.recipient_email, h.recipient, '')"),
            SortColumn.text("status", "h.status"));

    private static final String COLUMNS = ActionRow.COLUMNS + """
            , h.template_name, h.export_type, h.extension, h.recipient, h.recipient_email, h.smtp_credential_name,
            h.row_count, h.file_size, h.file_name, h.delivery, h.message_id, h.sent_at,
            exists (select 1 from export_file f where f.history_id = h.id) and %s has_file""";

    private final JdbcClient jdbc;

    ExportHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ExportHistoryRow> page(PartnerScope scope, ExportHistoryFilter filter, HistorySort sort,
                                       String cursor, int size) {
        // The company id is a long, never text: safe to write into the select list.
        String downloadable = scope.isRestricted() ? "h.scope_company_id = " + scope.companyId().getAsLong() : "true";
        KeysetQuery query = new KeysetQuery(COLUMNS.formatted(downloadable),
                "export_history h left join opportunity o on o.id = h.opportunity_id", "h.id");
        if (scope.isRestricted()) {
            long company = scope.companyId().getAsLong();
            // Its opportunities' rows, and the scheduled exports (no opportunity) made for it: a row never names another
            // company's opportunity, even of an export made for this one.
            // Two alternatives, each read from its own index (the opportunity's; scope_idx).
            query.either("o.installer_id = ? or o.seller_id = ?", company, company)
                    .either("h.opportunity_id is null and h.scope_company_id = ?", company);
        }
        return query.common(filter)
                .contains("h.template_name", filter.template())
                .equalTo("h.export_type", upperCase(filter.exportType()))
                .equalTo("h.extension", extension(filter.extension()))
                .containsInAny(filter.recipient(), "h.recipient_email", "h.recipient")
                .status("h.status", filter.status())
                .page(jdbc, SORTS, sort, cursor, size, ExportHistoryQuery::map);
    }

    /** Accepts {@code xlsx}, {@code .XLSX}… as well as the enum's name. */
    private static String extension(String text) {
        String name = upperCase(text);
        return name == null ? null : name.replaceFirst("^\\.", "");
    }

    private static String upperCase(String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase();
    }

    private static ExportHistoryRow map(ResultSet rs) throws SQLException {
        Long rows = rs.getObject("row_count", Long.class);
        Long fileSize = rs.getObject("file_size", Long.class);
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new ExportHistoryRow(ActionRow.map(rs), rs.getString("template_name"), rs.getString("export_type"),
                rs.getString("extension"), rs.getString("recipient"), rs.getString("recipient_email"),
                rs.getString("smtp_credential_name"), rows, fileSize, rs.getString("file_name"),
                rs.getBoolean("has_file"), rs.getString("delivery"), rs.getString("message_id"),
                sentAt == null ? null : sentAt.toInstant());
    }
}
