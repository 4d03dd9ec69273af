package com.flowstate.history.ui;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import com.flowstate.history.ReportHistoryFilter;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePickerVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * The Reports tab's filter fields, one per seed column (the date column gets a from/to pair). Any change runs the
 * listener once; {@link #clear()} clears them all and runs it once, not once per field.
 */
class ReportHistoryFilters implements Serializable {

    private final Locale locale;
    private final Runnable onChange;
    private boolean clearing;

    private final TextField opportunity;
    private final TextField template;
    private final TextField recipient;
    private final TextField smtpCredential;
    private final TextField fromAddress;
    private final TextField document;
    private final Select<Boolean> status;
    private final DatePicker from;
    private final DatePicker to;

    ReportHistoryFilters(Locale locale, Runnable onChange) {
        this.locale = locale;
        this.onChange = onChange;
        opportunity = createText("report-filter-opportunity", "history.report.filter.opportunity");
        template = createText("report-filter-template", "history.report.filter.template");
        recipient = createText("report-filter-recipient", "history.report.filter.recipient");
        smtpCredential = createText("report-filter-smtp", "history.report.filter.smtp");
        fromAddress = createText("report-filter-from-address", "history.report.filter.fromAddress");
        document = createText("report-filter-document", "history.report.filter.document");
        status = createStatus();
        from = createDate("report-filter-from", "history.report.filter.dateFrom");
        to = createDate("report-filter-to", "history.report.filter.dateTo");
        from.addValueChangeListener(change -> to.setMin(change.getValue()));
        to.addValueChangeListener(change -> from.setMax(change.getValue()));
    }

    /** The filter the fields describe now. */
    ReportHistoryFilter value() {
        return ReportHistoryFilter.empty()
                .withOpportunity(opportunity.getValue())
                .withTemplate(template.getValue())
                .withRecipient(recipient.getValue())
                .withSmtpCredential(smtpCredential.getValue())
                .withFromAddress(fromAddress.getValue())
                .withDocument(document.getValue())
                .withStatus(status.getValue())
                .withFrom(from.getValue())
                .withTo(to.getValue());
    }

    void clear() {
        clearing = true;
        try {
            List.of(opportunity, template, recipient, smtpCredential, fromAddress, document).forEach(TextField::clear);
            status.clear();
            from.clear();
            to.clear();
        } finally {
            clearing = false;
        }
        onChange.run();
    }

    Component opportunity() {
        return opportunity;
    }

    Component template() {
        return template;
    }

    Component recipient() {
        return recipient;
    }

    Component smtpCredential() {
        return smtpCredential;
    }

    Component fromAddress() {
        return fromAddress;
    }

    Component document() {
        return document;
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

    /** Empty = any status; true/false are the seed's own words for sent/failed. */
    private Select<Boolean> createStatus() {
        Select<Boolean> select = new Select<>();
        select.setId("report-filter-status");
        select.setAriaLabel(t("history.report.filter.status"));
        select.setItems(Boolean.TRUE, Boolean.FALSE);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(t("history.report.filter.anyStatus"));
        select.setItemLabelGenerator(value -> value == null ? t("history.report.filter.anyStatus") : value.toString());
        select.addThemeVariants(SelectVariant.LUMO_SMALL);
        select.setWidthFull();
        select.setMinWidth("7rem");
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
