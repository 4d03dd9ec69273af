package com.flowstate.action.export.ui;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import com.flowstate.action.export.ExportExtension;
import com.flowstate.action.export.ExportHistoryFilter;
import com.flowstate.action.export.ExportType;
import com.flowstate.history.ui.FilterFields;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * The Exports tab's filter fields, one per seed column (template, export type, extension, recipient, status) plus a
 * from/to pair on the creation date.
 */
class ExportHistoryFilters implements Serializable {

    private final FilterFields fields;

    final TextField opportunity;
    final TextField template;
    final Select<ExportType> exportType;
    final Select<ExportExtension> extension;
    final TextField recipient;
    final Select<Boolean> status;
    final FilterFields.DateRange created;

    ExportHistoryFilters(FilterFields fields, Locale locale) {
        this.fields = fields;
        opportunity = fields.text("export-filter-opportunity", "opportunity", "history.export.filter.opportunity");
        template = fields.text("export-filter-template", "template", "history.export.filter.template");
        // Empty = any; the items read as the column shows them.
        exportType = fields.select("export-filter-type", "exportType", "history.export.filter.type", "history.export.filter.anyType",
                List.of(ExportType.values()),
                type -> I18NProvider.translate(locale, "history.export.type." + type.name()));
        exportType.setMinWidth("10rem");
        extension = fields.select("export-filter-extension", "extension", "history.export.filter.extension",
                "history.export.filter.anyExtension", List.of(ExportExtension.values()), ExportExtension::fileSuffix);
        extension.setMinWidth("6rem");
        recipient = fields.text("export-filter-recipient", "recipient", "history.export.filter.recipient");
        status = fields.status("export-filter-status", "history.export.filter.status",
                "history.export.filter.anyStatus", "history.export.state.");
        created = fields.dateRange("export-filter-from", "history.export.filter.from",
                "export-filter-to", "history.export.filter.to");
    }

    /** The filter the fields describe now. */
    ExportHistoryFilter value() {
        return new ExportHistoryFilter(fields.opportunityId(), opportunity.getValue(), template.getValue(),
                exportType.getValue() == null ? null : exportType.getValue().name(),
                extension.getValue() == null ? null : extension.getValue().name(),
                recipient.getValue(), status.getValue(), created.from().getValue(), created.to().getValue());
    }
}
