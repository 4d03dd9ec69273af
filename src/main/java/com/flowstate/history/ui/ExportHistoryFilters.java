package com.flowstate.history.ui;

import java.io.Serializable;
import java.util.Locale;

import com.flowstate.action.export.ExportExtension;
import com.flowstate.action.export.ExportType;
import com.flowstate.history.ExportHistoryFilter;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePickerVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * The Exports tab's filter fields, one per seed column (template, export type, extension, recipient, status) plus a
 * from/to pair on the creation date. Any change runs the listener once; {@link #clear()} runs it once for all.
 */
class ExportHistoryFilters implements Serializable {

    private final Locale locale;
    private final Runnable onChange;
    private boolean clearing;

    private final TextField template;
    private final Select<ExportType> exportType;
    private final Select<ExportExtension> extension;
    private final TextField recipient;
    private final Select<Boolean> status;
    private final DatePicker from;
    private final DatePicker to;

    ExportHistoryFilters(Locale locale, Runnable onChange) {
        this.locale = locale;
        this.onChange = onChange;
        template = createText("export-filter-template", "history.export.filter.template");
        exportType = createSelect("export-filter-type", "history.export.filter.type", "history.export.filter.anyType",
                ExportType.values(), type -> t("history.export.type." + type.name()), "10rem");
        extension = createSelect("export-filter-extension", "history.export.filter.extension",
                "history.export.filter.anyExtension", ExportExtension.values(), ExportExtension::fileSuffix, "6rem");
        recipient = createText("export-filter-recipient", "history.export.filter.recipient");
        status = createSelect("export-filter-status", "history.export.filter.status",
                "history.export.filter.anyStatus", new Boolean[] {Boolean.TRUE, Boolean.FALSE}, Object::toString,
                "7rem");
        from = createDate("export-filter-from", "history.export.filter.from");
        to = createDate("export-filter-to", "history.export.filter.to");
        from.addValueChangeListener(change -> to.setMin(change.getValue()));
        to.addValueChangeListener(change -> from.setMax(change.getValue()));
    }

    /** The filter the fields describe now. */
    ExportHistoryFilter value() {
        return ExportHistoryFilter.empty()
                .withTemplate(template.getValue())
                .withExportType(exportType.getValue() == null ? null : exportType.getValue().name())
                .withExtension(extension.getValue() == null ? null : extension.getValue().name())
                .withRecipient(recipient.getValue())
                .withStatus(status.getValue())
                .withFrom(from.getValue())
                .withTo(to.getValue());
    }

    void clear() {
        clearing = true;
        try {
            template.clear();
            exportType.clear();
            extension.clear();
            recipient.clear();
            status.clear();
            from.clear();
            to.clear();
        } finally {
            clearing = false;
        }
        onChange.run();
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
        HorizontalLayout range = new HorizontalLayout(from, to);
        range.setSpacing(false);
        range.getStyle().set("gap", "var(--lumo-space-xs)");
        return range;
    }

    private TextField createText(String id, String placeholderKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPlaceholder(t(placeholderKey));
        field.setAriaLabel(t(placeholderKey));
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addThemeVariants(TextFieldVariant.LUMO_SMALL);
        field.setWidthFull();
        field.setMinWidth("8rem");
        field.addValueChangeListener(change -> changed());
        return field;
    }

    /** Empty = any; the items read as the column shows them (status: the seed's own true/false). */
    private <T> Select<T> createSelect(String id, String labelKey, String anyKey, T[] items,
                                       SerializableFunction<T, String> label, String minWidth) {
        Select<T> select = new Select<>();
        select.setId(id);
        select.setAriaLabel(t(labelKey));
        select.setItems(items);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(t(anyKey));
        select.setItemLabelGenerator(value -> value == null ? t(anyKey) : label.apply(value));
        select.addThemeVariants(SelectVariant.LUMO_SMALL);
        select.setWidthFull();
        select.setMinWidth(minWidth);
        select.addValueChangeListener(change -> changed());
        return select;
    }

    private DatePicker createDate(String id, String placeholderKey) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPlaceholder(t(placeholderKey));
        picker.setAriaLabel(t(placeholderKey));
        picker.setLocale(locale);
        picker.setI18n(DatePickers.i18n(locale));
        picker.setClearButtonVisible(true);
        picker.addThemeVariants(DatePickerVariant.LUMO_SMALL);
        picker.setWidth("9.5rem");
        picker.addValueChangeListener(change -> changed());
        return picker;
    }

    private void changed() {
        if (!clearing) {
            onChange.run();
        }
    }

    private String t(String key) {
        return I18NProvider.translate(locale, key);
    }
}
