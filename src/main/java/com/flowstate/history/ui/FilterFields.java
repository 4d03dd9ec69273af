package com.flowstate.history.ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.flowstate.history.ActionStatus;
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
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * Makes the filter fields of a history tab's header row, all alike: small, clearable, in the user's language. Any
 * change runs the listener once; {@link #clear()} clears every field and runs it once, not once per field.
 *
 * <p>Each field is bound to the name of the tab's REST filter parameter ({@code opportunity}, {@code status},
 * {@code from}…), so the fields can be written to and read back from the page's URL ({@link #parameters()},
 * {@link #apply(Map)}). A value in the URL that the field cannot take (an unknown status, a garbage date) is ignored.
 */
public final class FilterFields implements Serializable {

    /** The URL/REST name of the "only this opportunity" filter, which has no field: links set it. */
    public static final String OPPORTUNITY_ID = "opportunityId";

    private final Locale locale;
    private final Runnable onChange;
    private final List<HasValue<?, ?>> fields = new ArrayList<>();
    private final Map<String, Binding<?>> bindings = new LinkedHashMap<>();
    private Long opportunityId;
    private boolean quiet;

    public FilterFields(Locale locale, Runnable onChange) {
        this.locale = locale;
        this.onChange = onChange;
    }

    /** A "contains" text filter, written to the URL as {@code param}. */
    public TextField text(String id, String param, String placeholderKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPlaceholder(t(placeholderKey));
        field.setAriaLabel(t(placeholderKey));
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addThemeVariants(TextFieldVariant.LUMO_SMALL);
        field.setWidthFull();
        field.setMinWidth("8rem");
        bind(param, field, value -> value == null || value.isBlank() ? null : value, text -> Optional.of(text));
        return register(field);
    }

    /** A choice among values; empty means any. */
    public <T> Select<T> select(String id, String param, String labelKey, List<T> items, ItemLabelGenerator<T> labels) {
        return select(id, param, labelKey, "history.filter.any", items, labels);
    }

    /** A choice among values; empty means any, worded by {@code anyKey}. In the URL: an enum's name, or the value. */
    public <T> Select<T> select(String id, String param, String labelKey, String anyKey, List<T> items,
                                ItemLabelGenerator<T> labels) {
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
        bind(param, select, FilterFields::urlValue, text -> items.stream()
                .filter(item -> urlValue(item).equalsIgnoreCase(text.strip())).findFirst());
        return register(select);
    }

    /**
     * The status filter: succeeded (the REST API's {@code status=true}) or failed ({@code false}), in the tab's
     * words, never the seed's true/false.
     *
     * @param wordPrefix prefix of the status words, followed by {@code SUCCEEDED} / {@code FAILED}
     */
    public Select<Boolean> status(String id, String labelKey, String anyKey, String wordPrefix) {
        return select(id, "status", labelKey, anyKey, List.of(Boolean.TRUE, Boolean.FALSE),
                value -> t(wordPrefix + (value ? ActionStatus.SUCCEEDED : ActionStatus.FAILED).name()));
    }

    /**
     * From/to dates with the tab's own ids and placeholders, both included, in the URL as {@code from}/{@code to};
     * a range cannot end before it starts.
     */
    public DateRange dateRange(String fromId, String fromKey, String toId, String toKey) {
        DatePicker from = date(fromId, "from", fromKey);
        DatePicker to = date(toId, "to", toKey);
        from.addValueChangeListener(change -> to.setMin(change.getValue()));
        to.addValueChangeListener(change -> from.setMax(change.getValue()));
        return new DateRange(from, to);
    }

    /**
     * A second text field for the same filter as the text field bound to {@code param}, kept in step with it both
     * ways: the phone's card column shows it while the column that holds the first one is hidden. Empty when no
     * text field is bound to {@code param}.
     */
    @SuppressWarnings("unchecked")
    public Optional<TextField> mirror(String param, String id, String placeholderKey) {
        Binding<?> binding = bindings.get(param);
        if (binding == null || !(binding.field() instanceof TextField original)) {
            return Optional.empty();
        }
        TextField copy = new TextField();
        copy.setId(id);
        copy.setPlaceholder(t(placeholderKey));
        copy.setAriaLabel(t(placeholderKey));
        copy.setClearButtonVisible(true);
        copy.setValueChangeMode(ValueChangeMode.LAZY);
        copy.addThemeVariants(TextFieldVariant.LUMO_SMALL);
        copy.setWidthFull();
        copy.setValue(original.getValue());
        copy.addValueChangeListener(change -> original.setValue(change.getValue()));
        original.addValueChangeListener(change -> copy.setValue(change.getValue()));
        return Optional.of(copy);
    }

    /** Only this opportunity's rows (set from a link), or null. */
    public Long opportunityId() {
        return opportunityId;
    }

    /** Drops the "only this opportunity" filter. */
    public void clearOpportunityId() {
        opportunityId = null;
        onChange.run();
    }

    /** Whether any filter is set: the empty grid then says "nothing matches" instead of "nothing yet". */
    public boolean anySet() {
        return opportunityId != null || fields.stream().anyMatch(field -> !field.isEmpty());
    }

    public void clear() {
        quietly(() -> {
            opportunityId = null;
            fields.forEach(HasValue::clear);
        });
        onChange.run();
    }

    /** The filters set now, as URL query parameters named like the REST API's. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (opportunityId != null) {
            parameters.put(OPPORTUNITY_ID, opportunityId.toString());
        }
        bindings.forEach((name, binding) -> binding.written().ifPresent(value -> parameters.put(name, value)));
        return parameters;
    }

    /**
     * Sets every field from the URL's query parameters (a field whose parameter is absent is cleared) without running
     * the listener; values a field cannot take are ignored.
     */
    public void apply(Map<String, String> parameters) {
        quietly(() -> {
            opportunityId = parseLong(parameters.get(OPPORTUNITY_ID));
            bindings.forEach((name, binding) -> binding.read(parameters.get(name)));
        });
    }

    private static Long parseLong(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void quietly(Runnable change) {
        quiet = true;
        try {
            change.run();
        } finally {
            quiet = false;
        }
    }

    private static String urlValue(Object value) {
        return value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
    }

    private DatePicker date(String id, String param, String placeholderKey) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPlaceholder(t(placeholderKey));
        picker.setAriaLabel(t(placeholderKey));
        picker.setLocale(locale);
        picker.setI18n(DatePickers.i18n(locale));
        picker.setClearButtonVisible(true);
        picker.addThemeVariants(DatePickerVariant.LUMO_SMALL);
        picker.setWidth("8.5rem");
        bind(param, picker, LocalDate::toString, text -> {
            try {
                LocalDate day = LocalDate.parse(text.strip());
                // The same days the query accepts; anything else is a mistake in the URL, not a filter.
                return day.getYear() < 1900 || day.getYear() > 9999 ? Optional.empty() : Optional.of(day);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
        return register(picker);
    }

    private <V> void bind(String param, HasValue<?, V> field, SerializableFunction<V, String> write,
                          SerializableFunction<String, Optional<V>> read) {
        bindings.put(param, new Binding<>(field, write, read));
    }

    private <F extends HasValue<?, ?>> F register(F field) {
        fields.add(field);
        field.addValueChangeListener(change -> {
            if (!quiet) {
                onChange.run();
            }
        });
        return field;
    }

    private String t(String key) {
        return I18NProvider.translate(locale, key);
    }

    /** A field and how its value reads in the URL. */
    private record Binding<V>(HasValue<?, V> field, SerializableFunction<V, String> write,
                              SerializableFunction<String, Optional<V>> read) implements Serializable {

        Optional<String> written() {
            V value = field.getValue();
            return field.isEmpty() || value == null ? Optional.empty() : Optional.ofNullable(write.apply(value));
        }

        void read(String text) {
            Optional<V> value = text == null || text.isBlank() ? Optional.empty() : read.apply(text);
            if (value.isPresent()) {
                field.setValue(value.get());
            } else {
                field.clear();
            }
        }
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
