package com.flowstate.history.ui;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.ItemLabelGenerator;
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
 * Makes the filter fields of a history tab's header row, all alike: small, clearable, in the user's language. Any
 * change runs the listener once; {@link #clear()} clears every field and runs it once, not once per field.
 */
public final class FilterFields implements Serializable {

    private final Locale locale;
    private final Runnable onChange;
    private final List<HasValue<?, ?>> fields = new ArrayList<>();
    private boolean clearing;

    public FilterFields(Locale locale, Runnable onChange) {
        this.locale = locale;
        this.onChange = onChange;
    }

    /** A "contains" text filter. */
    public TextField text(String id, String placeholderKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPlaceholder(t(placeholderKey));
        field.setAriaLabel(t(placeholderKey));
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addThemeVariants(TextFieldVariant.LUMO_SMALL);
        field.setWidthFull();
        field.setMinWidth("8rem");
        return register(field);
    }

    /** A choice among values; empty means any. */
    public <T> Select<T> select(String id, String labelKey, List<T> items, ItemLabelGenerator<T> labels) {
        return select(id, labelKey, "history.filter.any", items, labels);
    }

    /** A choice among values; empty means any, worded by {@code anyKey}. */
    public <T> Select<T> select(String id, String labelKey, String anyKey, List<T> items, ItemLabelGenerator<T> labels) {
        Select<T> select = new Select<>();
        select.setId(id);
        select.setAriaLabel(t(labelKey));
        select.setItems(items);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(t(anyKey));
        select.setItemLabelGenerator(value -> value == null ? t(anyKey) : labels.apply(value));
        select.addThemeVariants(SelectVariant.LUMO_SMALL);
        select.setWidthFull();
        select.setMinWidth("7rem");
        return register(select);
    }

    /** The seed's status filter: true (succeeded) or false (failed), in the seed's own words. */
    public Select<Boolean> status() {
        return select("filter-status", "history.email.filter.status", List.of(Boolean.TRUE, Boolean.FALSE),
                Object::toString);
    }

    /** From/to dates, both included; a range cannot end before it starts. */
    public DateRange dateRange() {
        return dateRange("filter-from", "history.email.filter.from", "filter-to", "history.email.filter.to");
    }

    /** From/to dates with the tab's own ids and placeholders, both included; a range cannot end before it starts. */
    public DateRange dateRange(String fromId, String fromKey, String toId, String toKey) {
        DatePicker from = date(fromId, fromKey);
        DatePicker to = date(toId, toKey);
        from.addValueChangeListener(change -> to.setMin(change.getValue()));
        to.addValueChangeListener(change -> from.setMax(change.getValue()));
        return new DateRange(from, to);
    }

    public void clear() {
        clearing = true;
        try {
            fields.forEach(HasValue::clear);
        } finally {
            clearing = false;
        }
        onChange.run();
    }

    private DatePicker date(String id, String placeholderKey) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPlaceholder(t(placeholderKey));
        picker.setAriaLabel(t(placeholderKey));
        picker.setLocale(locale);
        picker.setI18n(DatePickers.i18n(locale));
        picker.setClearButtonVisible(true);
        picker.addThemeVariants(DatePickerVariant.LUMO_SMALL);
        picker.setWidth("9.5rem");
        return register(picker);
    }

    private <F extends HasValue<?, ?>> F register(F field) {
        fields.add(field);
        field.addValueChangeListener(change -> {
            if (!clearing) {
                onChange.run();
            }
        });
        return field;
    }

    private String t(String key) {
        return I18NProvider.translate(locale, key);
    }

    /** The two pickers of a date range, and the component that holds them side by side. */
    public record DateRange(DatePicker from, DatePicker to) implements Serializable {

        public Component component() {
            HorizontalLayout range = new HorizontalLayout(from, to);
            range.setSpacing(false);
            range.getStyle().set("gap", "var(--lumo-space-xs)");
            return range;
        }
    }
}
