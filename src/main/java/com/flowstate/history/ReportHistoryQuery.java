package com.flowstate.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.history.ActionStatus;
import com.flowstate.action.report.ReportTemplateService;
import com.flowstate.security.PartnerScope;

/**
 * The Reports tab's query: filters, sort, keyset paging and the partner scope, all in SQL; and the sent document of
 * one row, within the same scope. The Vaadin tab and the REST API both call it, so a partner never sees another
 * company's rows or documents on either. Indexes: V7__reports.sql.
 */
@Service
public class ReportHistoryQuery {

    private static final String COLUMNS = """
            h.id, h.opportunity_id, o.name opportunity_name, h.template_name, h.recipient_role, h.recipient_email,
            h.smtp_credential_name, h.from_address, h.file_name, h.document_size, h.status, h.attempts, h.last_error,
            h.substate_key, h.substate_name, h.trigger, h.subject, h.message_id, h.created_at, h.sent_at""";
    private static final String FROM = "report_history h join opportunity o on o.id = h.opportunity_id";

    private final JdbcClient jdbc;

    ReportHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of rows the scope may see. Reads no document: they live in another table.
     *
     * @param cursor the previous page's {@link Page#nextCursor()}, or null for the first page
     * @throws IllegalArgumentException for a cursor that does not belong to this sort
     */
    @Transactional(readOnly = true)
    public Page<ReportHistoryRow> page(PartnerScope scope, ReportHistoryFilter filter, ReportHistorySort sort,
                                       SortDirection direction, String cursor, int size) {
        return new KeysetQuery(COLUMNS, FROM, "h.id")
                .scope(scope)
                .equalTo("h.opportunity_id", filter.opportunityId())
                .contains("o.name", filter.opportunity())
                .contains("h.template_name", filter.template())
                .contains("h.recipient_email", filter.recipient())
                .contains("h.smtp_credential_name", filter.smtpCredential())
                .contains("h.from_address", filter.fromAddress())
                .contains("h.file_name", filter.document())
                .status("h.status", filter.status())
                .between("h.created_at", filter.from(), filter.to())
                .page(jdbc, sort, direction, cursor, size, ReportHistoryQuery::map);
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

    private static ReportHistoryRow map(ResultSet rs) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        int size = rs.getInt("document_size");
        Integer documentSize = rs.wasNull() ? null : size;
        return new ReportHistoryRow(rs.getLong("id"), rs.getLong("opportunity_id"), rs.getString("opportunity_name"),
                rs.getString("template_name"), rs.getString("recipient_role"), rs.getString("recipient_email"),
                rs.getString("smtp_credential_name"), rs.getString("from_address"), rs.getString("file_name"),
                documentSize, ActionStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getString("substate_key"), rs.getString("substate_name"),
                rs.getString("trigger"), rs.getString("subject"), rs.getString("message_id"),
                rs.getTimestamp("created_at").toInstant(), sentAt == null ? null : sentAt.toInstant());
    }
}
