package com.flowstate.history.ui;

import java.io.Serializable;
import java.util.Locale;

import com.flowstate.flow.SubstateChangeType;
import com.flowstate.history.SubstateChangeHistoryFilter;
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
 * The Substates tab's filter fields: opportunity, change type, substate and status (the seed's columns), who made
 * the change (an action or a user by hand) and a from/to pair on the date. Any change runs the listener once;
 * {@link #clear()} runs it once for all.
 */
class SubstateChangeHistoryFilters implements Serializable {

    private final Locale locale;
    private final Runnable onChange;
    private boolean clearing;

    private final TextField opportunity;
    private final Select<SubstateChangeType> changeType;
    private final TextField substate;
    private final Select<Boolean> status;
    private final Select<Boolean> manual;
    private final DatePicker from;
    private final DatePicker to;

    SubstateChangeHistoryFilters(Locale locale, Runnable onChange) {
        this.locale = locale;
        this.onChange = onChange;
        opportunity = createText("substate-filter-opportunity", "history.substate.filter.opportunity");
        changeType = createChangeType();
        substate = createText("substate-filter-substate", "history.substate.filter.substate");
        status = createYesNo("substate-filter-status", "history.substate.filter.status",
                "history.substate.filter.anyStatus", Object::toString);
        manual = createYesNo("substate-filter-manual", "history.substate.filter.manual",
                "history.substate.filter.anyOrigin", value -> t("history.substate.origin." + value));
        from = createDate("substate-filter-from", "history.substate.filter.from");
        to = createDate("substate-filter-to", "history.substate.filter.to");
        from.addValueChangeListener(change -> to.setMin(change.getValue()));
        to.addValueChangeListener(change -> from.setMax(change.getValue()));
    }

    /** The filter the fields describe now. */
    SubstateChangeHistoryFilter value() {
        return SubstateChangeHistoryFilter.empty()
                .withOpportunity(opportunity.getValue())
                .withChangeType(changeType.getValue())
                .withSubstate(substate.getValue())
                .withStatus(status.getValue())
                .withManual(manual.getValue())
                .withFrom(from.getValue())
                .withTo(to.getValue());
    }

    void clear() {
        clearing = true;
        try {
            opportunity.clear();
            changeType.clear();
            substate.clear();
            status.clear();
            manual.clear();
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

    Component changeType() {
        return changeType;
    }

    Component substate() {
        return substate;
    }

    Component status() {
        return status;
    }

    Component manual() {
        return manual;
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

    private Select<SubstateChangeType> createChangeType() {
        Select<SubstateChangeType> select = new Select<>();
        select.setId("substate-filter-change-type");
        select.setAriaLabel(t("history.substate.filter.changeType"));
        select.setItems(SubstateChangeType.values());
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(t("history.substate.filter.anyChangeType"));
        select.setItemLabelGenerator(type -> type == null ? t("history.substate.filter.anyChangeType")
                : t("history.substate.changeType." + type.name()));
        configure(select, "8rem");
        return select;
    }

    /** Empty = any; the labels say what true and false mean in this column. */
    private Select<Boolean> createYesNo(String id, String labelKey, String anyKey,
                                        SerializableFunction<Boolean, String> label) {
        Select<Boolean> select = new Select<>();
        select.setId(id);
        select.setAriaLabel(t(labelKey));
        select.setItems(Boolean.TRUE, Boolean.FALSE);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(t(anyKey));
        select.setItemLabelGenerator(value -> value == null ? t(anyKey) : label.apply(value));
        configure(select, "7rem");
        return select;
    }

    private void configure(Select<?> select, String minWidth) {
        select.addThemeVariants(SelectVariant.LUMO_SMALL);
        select.setWidthFull();
        select.setMinWidth(minWidth);
        select.addValueChangeListener(change -> changed());
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
