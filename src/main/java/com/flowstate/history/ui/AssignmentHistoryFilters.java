package com.flowstate.history.ui;

import java.io.Serializable;
import java.util.Locale;

import com.flowstate.action.assignment.AssignmentStatus;
import com.flowstate.action.assignment.PartnerRole;
import com.flowstate.history.AssignmentHistoryFilter;
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
 * The Assignment tab's filter fields: opportunity, assigned company and status (the seed's columns), role, outcome
 * and a from/to pair on the creation date. Any change runs the listener once; {@link #clear()} runs it once for all.
 */
class AssignmentHistoryFilters implements Serializable {

    private final Locale locale;
    private final Runnable onChange;
    private boolean clearing;

    private final TextField opportunity;
    private final TextField assignedCompany;
    private final Select<AssignmentStatus> decision;
    private final Select<PartnerRole> role;
    private final Select<Boolean> status;
    private final DatePicker from;
    private final DatePicker to;

    AssignmentHistoryFilters(Locale locale, Runnable onChange) {
        this.locale = locale;
        this.onChange = onChange;
        opportunity = createText("assignment-filter-opportunity", "history.assignment.filter.opportunity");
        assignedCompany = createText("assignment-filter-company", "history.assignment.filter.company");
        decision = createSelect("assignment-filter-decision", "history.assignment.filter.decision",
                AssignmentStatus.values(), value -> t("history.assignment.decision." + value.name()));
        role = createSelect("assignment-filter-role", "history.assignment.filter.role", PartnerRole.values(),
                value -> t("history.assignment.role." + value.name()));
        status = createSelect("assignment-filter-status", "history.assignment.filter.status",
                new Boolean[] {Boolean.TRUE, Boolean.FALSE}, Object::toString);
        from = createDate("assignment-filter-from", "history.assignment.filter.from");
        to = createDate("assignment-filter-to", "history.assignment.filter.to");
        from.addValueChangeListener(change -> to.setMin(change.getValue()));
        to.addValueChangeListener(change -> from.setMax(change.getValue()));
    }

    /** The filter the fields describe now. */
    AssignmentHistoryFilter value() {
        return AssignmentHistoryFilter.empty()
                .withOpportunity(opportunity.getValue())
                .withAssignedCompany(assignedCompany.getValue())
                .withDecision(decision.getValue())
                .withRole(role.getValue())
                .withStatus(status.getValue())
                .withFrom(from.getValue())
                .withTo(to.getValue());
    }

    void clear() {
        clearing = true;
        try {
            opportunity.clear();
            assignedCompany.clear();
            decision.clear();
            role.clear();
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

    Component assignedCompany() {
        return assignedCompany;
    }

    Component decision() {
        return decision;
    }

    Component role() {
        return role;
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

    /** Empty = any. */
    private <T> Select<T> createSelect(String id, String labelKey, T[] items, SerializableFunction<T, String> label) {
        Select<T> select = new Select<>();
        select.setId(id);
        select.setAriaLabel(t(labelKey));
        select.setItems(items);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(t("history.assignment.filter.any"));
        select.setItemLabelGenerator(value -> value == null ? t("history.assignment.filter.any") : label.apply(value));
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
