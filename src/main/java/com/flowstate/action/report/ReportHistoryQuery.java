package com.flowstate.action.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.history.ActionHistoryQuery;
import com.flowstate.history.ActionRow;
import com.flowstate.history.KeysetQuery;
import com.flowstate.history.SortColumn;
import com.flowstate.history.SortColumns;
import com.flowstate.security.PartnerScope;

/**
 * The Reports tab's query, in SQL with the partner scope; and the sent document of one row, within the same scope.
 * The Vaadin tab and the REST API both call it, so a partner never sees another company's rows or documents on
 * either. Indexes: V7__reports.sql.
 */
@Service
public class ReportHistoryQuery extends ActionHistoryQuery<ReportHistoryRow, ReportHistoryFilter> {

    private final JdbcClient jdbc;

    /** Nullable columns sort through a non-null expression: the keyset comparison does not work on nulls. */
    ReportHistoryQuery(JdbcClient jdbc) {
        super(jdbc, SortColumns.forActions(
                        SortColumn.text("template", "h.template_name"),
                        SortColumn.text("recipient", "coalesce(h.recipient_email, '')"),
                        SortColumn.text("smtpCredential", "h.smtp_credential_name"),
                        SortColumn.text("fromAddress", "coalesce(h.from_address, '')"),
                        SortColumn.text("document", "coalesce(h.file_name, '')")), """
                        h.template_name, h.recipient_role, h.recipient_email, h.smtp_credential_name, h.from_address,
                        h.file_name, h.document_size, h.subject, h.message_id, h.sent_at""",
                "report_history h");
        this.jdbc = jdbc;
    }

    /** Reads no document: they live in another table. */
    @Override
    protected void filter(KeysetQuery query, ReportHistoryFilter filter) {
        query.contains("h.template_name", filter.template())
                .contains("h.recipient_email", filter.recipient())
                .contains("h.smtp_credential_name", filter.smtpCredential())
                .contains("h.from_address", filter.fromAddress())
                .contains("h.file_name", filter.document())
                .status("h.status", filter.status());
    }

    /**
     * The document a row's execution sent, if the row exists within the scope and its report went out. Outside the
     * scope it is simply not there, exactly like a row that does not exist: a partner learns nothing of others.
     */
    @Transactional(readOnly = true)
    public Optional<ReportDocument> document(PartnerScope scope, long rowId) {
        return jdbc.sql("""
                        select d.file_name, d.content
                        from report_history h
                        join opportunity o on o.id = h.opportunity_id
                        join report_document d on d.execution_key = h.execution_key
                        where h.id = :id
                          and (cast(:company as bigint) is null or o.installer_id = :company or o.seller_id = :company)""")
                .param("id", rowId)
                .param("company", scope.isRestricted() ? scope.companyId().getAsLong() : null)
                .query((rs, n) -> new ReportDocument(rs.getString("file_name"),
                        ReportTemplateService.DOCX_CONTENT_TYPE, rs.getBytes("content")))
                .optional();
    }

    @Override
    protected ReportHistoryRow map(ActionRow shared, ResultSet rs) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        int size = rs.getInt("document_size");
        Integer documentSize = rs.wasNull() ? null : size;
        return new ReportHistoryRow(shared, rs.getString("template_name"), rs.getString("recipient_role"),
                rs.getString("recipient_email"), rs.getString("smtp_credential_name"), rs.getString("from_address"),
                rs.getString("file_name"), documentSize, rs.getString("subject"), rs.getString("message_id"),
                sentAt == null ? null : sentAt.toInstant());
    }
}
