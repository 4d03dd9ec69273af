package com.flowstate.history.ui;

import java.text.NumberFormat;
import java.util.Optional;

import com.flowstate.action.export.ExportFiles;
import com.flowstate.action.export.ExportRecipientRole;
import com.flowstate.action.export.StoredExportFile;
import com.flowstate.history.ExportHistoryFilter;
import com.flowstate.history.ExportHistoryQuery;
import com.flowstate.history.ExportHistoryRow;
import com.flowstate.history.ExportHistorySort;
import com.flowstate.history.Page;
import com.flowstate.history.SortDirection;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.PartnerScope;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/**
 * The Exports tab: every export the flows and schedules ran or tried to run, newest first, with its file to
 * download. Same mechanics as the other tabs (keyset pages without a row count, filters and sort in SQL, every page
 * within the user's partner scope); the download checks the scope again on the server when it is requested.
 */
class ExportHistoryTab extends HistoryTab<ExportHistoryRow, ExportHistoryFilter> {

    private final ExportHistoryQuery query;
    private final ExportFiles files;
    private final ExportHistoryFilters filters = new ExportHistoryFilters(filterFields, getLocale());
    private final NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());

    ExportHistoryTab(ExportHistoryQuery query, ExportFiles files) {
        this.query = query;
        this.files = files;
        build("export-history", "createdAt", "history.export.empty", "history.export.clearFilters");
    }

    @Override
    protected void addColumns(HeaderRow filterRow) {
        filterRow.getCell(seedColumn(ExportHistoryRow::template, "template", "history.export.column.template"))
                .setComponent(filters.template());
        filterRow.getCell(seedColumn(this::typeLabel, "exportType", "history.export.column.type"))
                .setComponent(filters.exportType());
        filterRow.getCell(seedColumn(row -> row.extension() == null ? "" : row.extension().toLowerCase(),
                "extension", "history.export.column.extension")).setComponent(filters.extension());
        filterRow.getCell(seedColumn(this::recipientLabel, "recipient", "history.export.column.recipient"))
                .setComponent(filters.recipient());
        filterRow.getCell(statusColumn(ExportHistoryRow::state, "history.export.column.status",
                "history.export.state.")).setComponent(filters.status());
        grid.addColumn(new ComponentRenderer<>(this::createDownload)).setKey("download")
                .setHeader(getTranslation("history.export.column.download")).setAutoWidth(true);
        detailColumn(row -> row.rows() == null ? "" : numbers.format(row.rows()), "rows",
                "history.export.column.rows").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        detailColumn(row -> row.fileSize() == null ? "" : fileSize(row.fileSize()), "fileSize",
                "history.export.column.fileSize").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        filterRow.getCell(seedColumn(row -> format(row.createdAt()), "createdAt", "history.export.column.createdAt"))
                .setComponent(filters.dateRange());
        // Shown, not sortable or filterable (the query has no index for them).
        detailColumn(this::opportunityLabel, "opportunity", "history.export.column.opportunity").setAutoWidth(true);
        detailColumn(row -> format(row.sentAt()), "sentAt", "history.export.column.sentAt").setAutoWidth(true);
        detailColumn(row -> String.valueOf(row.attempts()), "attempts", "history.export.column.attempts")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        detailColumn(ExportHistoryRow::lastError, "lastError", "history.export.column.lastError")
                .setTooltipGenerator(ExportHistoryRow::lastError).setWidth("14rem").setFlexGrow(1);
        detailColumn(row -> substateAndTrigger(row.substateName(), row.substateKey(), row.trigger(),
                "history.export.trigger."), "substate", "history.export.column.substate").setAutoWidth(true);
    }

    @Override
    protected ExportHistoryFilter filter() {
        return filters.value();
    }

    @Override
    protected Page<ExportHistoryRow> page(PartnerScope scope, ExportHistoryFilter filter, String sortKey,
                                          SortDirection direction, String cursor, int size) {
        ExportHistorySort sort = sortKey == null ? ExportHistorySort.CREATED_AT : ExportHistorySort.parse(sortKey);
        return query.page(scope, filter, sort, direction, cursor, size);
    }



    /**
     * A link that downloads the file; the handler asks for the file within the scope of whoever requests it, so a
     * link that outlived a change of user or rights serves nothing.
     */
    private Component createDownload(ExportHistoryRow row) {
        if (!row.hasFile()) {
            return new Span();
        }
        long id = row.id();
        ExportFiles exportFiles = files;
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            Optional<StoredExportFile> file = exportFiles.find(CurrentUser.scope(), id);
            return file.map(found -> new DownloadResponse(exportFiles.content(found), found.fileName(),
                            found.contentType(), found.fileSize()))
                    .orElseGet(() -> DownloadResponse.error(404));
        });
        Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        link.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(getTranslation("history.export.download")));
        link.setId("export-download-" + id);
        link.addClassName("export-download");
        link.setTitle(row.fileName());
        link.getElement().setAttribute("aria-label", getTranslation("history.export.download") + " " + row.fileName());
        return link;
    }

    private String typeLabel(ExportHistoryRow row) {
        return row.exportType() == null ? "" : getTranslation("history.export.type." + row.exportType());
    }

    /** The resolved address, with the role it came from when the template names a role. */
    private String recipientLabel(ExportHistoryRow row) {
        String configured = row.recipient() == null ? "" : row.recipient();
        String role = ExportRecipientRole.parse(configured)
                .map(known -> getTranslation("history.export.role." + known.name())).orElse(null);
        if (row.recipientEmail() == null) {
            return role != null ? role : configured;
        }
        return role != null ? row.recipientEmail() + " (" + role + ")" : row.recipientEmail();
    }

    private String opportunityLabel(ExportHistoryRow row) {
        return row.opportunityId() == null ? getTranslation("history.export.scheduled") : row.opportunityName();
    }

    private String fileSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        NumberFormat decimal = NumberFormat.getNumberInstance(getLocale());
        decimal.setMaximumFractionDigits(1);
        return bytes < 1024 * 1024 ? decimal.format(bytes / 1024.0) + " KB"
                : decimal.format(bytes / (1024.0 * 1024.0)) + " MB";
    }
}
