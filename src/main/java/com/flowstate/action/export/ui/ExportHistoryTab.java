package com.flowstate.action.export.ui;

import java.text.NumberFormat;
import java.util.Optional;

import com.flowstate.action.export.ExportFiles;
import com.flowstate.action.export.ExportHistoryFilter;
import com.flowstate.action.export.ExportHistoryQuery;
import com.flowstate.action.export.ExportHistoryRow;
import com.flowstate.action.export.ExportRecipientRole;
import com.flowstate.action.export.StoredExportFile;
import com.flowstate.history.ui.HistoryTab;
import com.flowstate.security.CurrentUser;
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
 * download. The download checks the scope again on the server when it is requested.
 */
class ExportHistoryTab extends HistoryTab<ExportHistoryRow, ExportHistoryFilter> {

    private final ExportFiles files;
    private final ExportHistoryFilters filters = new ExportHistoryFilters(filterFields, getLocale());
    private final NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());

    ExportHistoryTab(ExportHistoryQuery query, ExportFiles files) {
        super(query);
        this.files = files;
        build("export-history", "createdAt", "history.export.none", "history.export.empty",
                "history.export.clearFilters");
    }

    @Override
    protected void addColumns(HeaderRow filterRow) {
        // A scheduled export has no opportunity: the column says so instead of linking.
        filterRow.getCell(opportunityColumn("history.export.column.opportunity").setSortable(false)).setComponent(filters.opportunity);
        filterRow.getCell(seedColumn(ExportHistoryRow::template, "template", "history.export.column.template"))
                .setComponent(filters.template);
        filterRow.getCell(seedColumn(this::typeLabel, "exportType", "history.export.column.type"))
                .setComponent(filters.exportType);
        filterRow.getCell(seedColumn(row -> row.extension() == null ? "" : row.extension().toLowerCase(),
                "extension", "history.export.column.extension")).setComponent(filters.extension);
        filterRow.getCell(seedColumn(this::recipientLabel, "recipient", "history.export.column.recipient"))
                .setComponent(filters.recipient);
        filterRow.getCell(statusColumn("history.export.column.status", "history.export.state."))
                .setComponent(filters.status);
        grid.addColumn(new ComponentRenderer<>(this::createDownload)).setKey("download")
                .setHeader(getTranslation("history.export.column.download")).setAutoWidth(true);
        detailColumn(row -> row.rows() == null ? "" : numbers.format(row.rows()), "rows",
                "history.export.column.rows").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        detailColumn(row -> row.fileSize() == null ? "" : fileSize(row.fileSize()), "fileSize",
                "history.export.column.fileSize").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        filterRow.getCell(createdAtColumn("history.export.column.createdAt")).setComponent(filters.created.component());
        detailColumn(row -> format(row.sentAt()), "sentAt", "history.export.column.sentAt").setAutoWidth(true);
        attemptsColumn("history.export.column.attempts");
        lastErrorColumn("history.export.column.lastError");
        substateColumn("history.export.column.substate", "history.export.trigger.");
    }

    @Override
    protected ExportHistoryFilter filter() {
        return filters.value();
    }

    /**
     * A link that downloads the file; the handler asks for the file within the scope of whoever requests it, so a
     * link that outlived a change of user or rights serves nothing.
     */
    private Component createDownload(ExportHistoryRow row) {
        if (!row.hasFile()) {
            // A partner sees the export its opportunity ran, but the file holds other companies' data too.
            Span none = new Span(row.fileName() != null && CurrentUser.scope().isRestricted()
                    ? getTranslation("history.export.notDownloadable") : "");
            none.addClassName("export-not-downloadable");
            return none;
        }
        long id = row.action().id();
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

    @Override
    protected String noOpportunityLabel(ExportHistoryRow row) {
        return getTranslation("history.export.scheduled");
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
