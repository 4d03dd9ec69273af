package com.flowstate.action.report.ui;

import java.io.ByteArrayInputStream;

import com.flowstate.action.report.ReportHistoryFilter;
import com.flowstate.action.report.ReportHistoryQuery;
import com.flowstate.action.report.ReportHistoryRow;
import com.flowstate.history.ui.HistoryTab;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/**
 * The Reports tab: every report the flows sent or tried to send, newest first, with the sent document to download.
 * A download is checked again on the server, for whoever is signed in when it is asked for.
 */
class ReportHistoryTab extends HistoryTab<ReportHistoryRow, ReportHistoryFilter> {

    private final ReportHistoryQuery query;
    private final ReportHistoryFilters filters = new ReportHistoryFilters(filterFields);

    ReportHistoryTab(ReportHistoryQuery query) {
        super(query);
        this.query = query;
        build("report-history", "createdAt", "history.report.none", "history.report.empty",
                "history.report.clearFilters");
    }

    @Override
    protected void addColumns(HeaderRow filterRow) {
        // Twelve columns do not fit a laptop screen: the opportunity stays in view while the rest scrolls.
        filterRow.getCell(opportunityColumn("history.report.column.opportunity").setFrozen(true))
                .setComponent(filters.opportunity);
        filterRow.getCell(seedColumn(ReportHistoryRow::template, "template", "history.report.column.template"))
                .setComponent(filters.template);
        filterRow.getCell(seedColumn(ReportHistoryRow::recipientEmail, "recipient",
                "history.report.column.recipient")).setComponent(filters.recipient);
        filterRow.getCell(seedColumn(ReportHistoryRow::smtpCredential, "smtpCredential", "history.report.column.smtp"))
                .setComponent(filters.smtpCredential);
        filterRow.getCell(seedColumn(ReportHistoryRow::fromAddress, "fromAddress",
                "history.report.column.fromAddress")).setComponent(filters.fromAddress);
        filterRow.getCell(grid.addComponentColumn(this::createDocumentLink)
                .setKey("document").setSortProperty("document").setSortable(true)
                .setHeader(getTranslation("history.report.column.document")).setWidth("12rem").setResizable(true))
                .setComponent(filters.document);
        filterRow.getCell(statusColumn("history.report.column.status", "history.report.state."))
                .setComponent(filters.status);
        filterRow.getCell(createdAtColumn("history.report.column.createdAt")).setComponent(filters.created.component());
        // Columns beyond the seed's: shown, not sortable or filterable (the query has no index for them).
        detailColumn(row -> format(row.sentAt()), "sentAt", "history.report.column.sentAt").setAutoWidth(true);
        attemptsColumn("history.report.column.attempts");
        lastErrorColumn("history.report.column.lastError");
        substateColumn("history.report.column.substate", "history.report.trigger.");
    }

    @Override
    protected ReportHistoryFilter filter() {
        return filters.value();
    }

    /** The sent .docx as a download link; nothing while (or when) no report went out. */
    private Component createDocumentLink(ReportHistoryRow row) {
        if (!row.hasDocument()) {
            return new Span();
        }
        long rowId = row.action().id();
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> download(rowId)), AttachmentType.DOWNLOAD,
                row.fileName());
        link.setId("report-document-" + rowId);
        link.addClassName("report-document");
        link.setTitle(getTranslation("history.report.download", row.fileName()));
        return link;
    }

    /** Asked for by the browser later, maybe after a sign-out: the scope is the one of the user signed in now. */
    private DownloadResponse download(long rowId) {
        return CurrentUser.get().map(FlowstateUser::scope)
                .flatMap(scope -> query.document(scope, rowId))
                .map(document -> new DownloadResponse(new ByteArrayInputStream(document.content()),
                        document.fileName(), document.contentType(), document.content().length))
                .orElseGet(() -> DownloadResponse.error(404));
    }
}
