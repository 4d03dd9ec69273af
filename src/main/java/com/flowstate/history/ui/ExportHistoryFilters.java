package com.flowstate.history.ui;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import com.flowstate.action.export.ExportExtension;
import com.flowstate.action.export.ExportType;
import com.flowstate.history.ExportHistoryFilter;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * The Exports tab's filter fields, one per seed column (template, export type, extension, recipient, status) plus a
 * from/to pair on the creation date. Any change runs the listener once; clearing them runs it once for all.
 */
class ExportHistoryFilters implements Serializable {

    private final TextField template;
    private final Select<ExportType> exportType;
    private final Select<ExportExtension> extension;
    private final TextField recipient;
    private final Select<Boolean> status;
    private final FilterFields.DateRange created;

    ExportHistoryFilters(FilterFields fields, Locale locale) {
        template = fields.text("export-filter-template", "history.export.filter.template");
        // Empty = any; the items read as the column shows them (status: the seed's own true/false).
        exportType = fields.select("export-filter-type", "history.export.filter.type", "history.export.filter.anyType",
                List.of(ExportType.values()),
                type -> I18NProvider.translate(locale, "history.export.type." + type.name()));
        exportType.setMinWidth("10rem");
        extension = fields.select("export-filter-extension", "history.export.filter.extension",
                "history.export.filter.anyExtension", List.of(ExportExtension.values()), ExportExtension::fileSuffix);
        extension.setMinWidth("6rem");
        recipient = fields.text("export-filter-recipient", "history.export.filter.recipient");
        status = fields.select("export-filter-status", "history.export.filter.status",
                "history.export.filter.anyStatus", List.of(Boolean.TRUE, Boolean.FALSE), Object::toString);
        created = fields.dateRange("export-filter-from", "history.export.filter.from",
                "export-filter-to", "history.export.filter.to");
    }

    /** The filter the fields describe now. */
    ExportHistoryFilter value() {
        return ExportHistoryFilter.empty()
                .withTemplate(template.getValue())
                .withExportType(exportType.getValue() == null ? null : exportType.getValue().name())
                .withExtension(extension.getValue() == null ? null : extension.getValue().name())
                .withRecipient(recipient.getValue())
                .withStatus(status.getValue())
                .withFrom(created.from().getValue())
                .withTo(created.to().getValue());
    }

    Component template() {
        return template;
    }

    Component exportType() {
        return exportType;
    }

    Component extension() {
        return extension;
    }

    Component recipient() {
        return recipient;
    }

    Component status() {
        return status;
    }

    Component dateRange() {
        return created.component();
    }
}
