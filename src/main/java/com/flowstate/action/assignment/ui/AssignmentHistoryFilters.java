package com.flowstate.action.assignment.ui;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import com.flowstate.action.assignment.AssignmentHistoryFilter;
import com.flowstate.action.assignment.AssignmentStatus;
import com.flowstate.action.assignment.PartnerRole;
import com.flowstate.history.ui.FilterFields;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * The Assignment tab's filter fields: opportunity, assigned company and status (the seed's columns), role, outcome
 * and a from/to pair on the creation date. Any change runs the listener once; clearing them runs it once for all.
 */
class AssignmentHistoryFilters implements Serializable {

    private static final String ANY = "history.assignment.filter.any";

    private final TextField opportunity;
    private final TextField assignedCompany;
    private final Select<AssignmentStatus> decision;
    private final Select<PartnerRole> role;
    private final Select<Boolean> status;
    private final FilterFields.DateRange created;

    AssignmentHistoryFilters(FilterFields fields, Locale locale) {
        opportunity = fields.text("assignment-filter-opportunity", "history.assignment.filter.opportunity");
        assignedCompany = fields.text("assignment-filter-company", "history.assignment.filter.company");
        decision = fields.select("assignment-filter-decision", "history.assignment.filter.decision", ANY,
                List.of(AssignmentStatus.values()),
                value -> I18NProvider.translate(locale, "history.assignment.decision." + value.name()));
        role = fields.select("assignment-filter-role", "history.assignment.filter.role", ANY,
                List.of(PartnerRole.values()),
                value -> I18NProvider.translate(locale, "history.assignment.role." + value.name()));
        status = fields.select("assignment-filter-status", "history.assignment.filter.status", ANY,
                List.of(Boolean.TRUE, Boolean.FALSE), Object::toString);
        created = fields.dateRange("assignment-filter-from", "history.assignment.filter.from",
                "assignment-filter-to", "history.assignment.filter.to");
    }

    /** The filter the fields describe now. */
    AssignmentHistoryFilter value() {
        return new AssignmentHistoryFilter(null, opportunity.getValue(), assignedCompany.getValue(),
                name(decision.getValue()), name(role.getValue()), status.getValue(), created.from().getValue(),
                created.to().getValue());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
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
        return created.component();
    }
}
