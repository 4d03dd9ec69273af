package com.flowstate.history.ui;

import java.io.Serializable;
import java.text.DateFormatSymbols;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.flowstate.history.EmailHistoryFilter;
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
 * The E-mail tab's filter fields, one per seed column (the date column gets a from/to pair). Any change runs the
 * listener once; {@link #clear()} clears them all and runs it once, not once per field.
 */
class EmailHistoryFilters implements Serializable {

    private final Locale locale;
    private final Runnable onChange;
    private boolean clearing;

    private final TextField opportunity;
    private final TextField template;
    private final TextField recipient;
    private final TextField smtpCredential;
    private final Select<Boolean> status;
    private final DatePicker from;
    private final DatePicker to;

    EmailHistoryFilters(Locale locale, Runnable onChange) {
        this.locale = locale;
        this.onChange = onChange;
        opportunity = createText("filter-opportunity", "history.email.filter.opportunity");
        template = createText("filter-template", "history.email.filter.template");
        recipient = createText("filter-recipient", "history.email.filter.recipient");
        smtpCredential = createText("filter-smtp", "history.email.filter.smtp");
        status = createStatus();
        from = createDate("filter-from", "history.email.filter.from");
        to = createDate("filter-to", "history.email.filter.to");
        configureDateRange();
    }

    /** The filter the fields describe now. */
    EmailHistoryFilter value() {
        return EmailHistoryFilter.empty()
                .withOpportunity(opportunity.getValue())
                .withTemplate(template.getValue())
                .withRecipient(recipient.getValue())
                .withSmtpCredential(smtpCredential.getValue())
                .withStatus(status.getValue())
                .withFrom(from.getValue())
                .withTo(to.getValue());
    }

    void clear() {
        clearing = true;
        try {
            opportunity.clear();
            template.clear();
            recipient.clear();
            smtpCredential.clear();
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
        select.setId("filter-status");
        select.setAriaLabel(t("history.email.filter.status"));
        select.setItems(Boolean.TRUE, Boolean.FALSE);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(t("history.email.filter.anyStatus"));
        select.setItemLabelGenerator(value -> value == null ? t("history.email.filter.anyStatus") : value.toString());
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
        picker.setI18n(datePickerI18n());
        picker.setClearButtonVisible(true);
        picker.addThemeVariants(DatePickerVariant.LUMO_SMALL);
        picker.setWidth("9.5rem");
        picker.addValueChangeListener(change -> changed());
        return picker;
    }

    /** A range that ends before it starts would only ever show nothing. */
    private void configureDateRange() {
        from.addValueChangeListener(change -> to.setMin(change.getValue()));
        to.addValueChangeListener(change -> from.setMax(change.getValue()));
    }

    private DatePicker.DatePickerI18n datePickerI18n() {
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        return new DatePicker.DatePickerI18n()
                .setMonthNames(capitalized(Arrays.asList(symbols.getMonths()).subList(0, 12)))
                // DateFormatSymbols index weekdays from 1 (Sunday); the date picker wants Sunday first too.
                .setWeekdays(capitalized(Arrays.asList(symbols.getWeekdays()).subList(1, 8)))
                .setWeekdaysShort(capitalized(Arrays.asList(symbols.getShortWeekdays()).subList(1, 8)))
                .setFirstDayOfWeek(WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7)
                .setToday(t("datePicker.today"))
                .setCancel(t("datePicker.cancel"));
    }

    private List<String> capitalized(List<String> names) {
        return names.stream()
                .map(name -> name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1))
                .toList();
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
