package com.flowstate.action.assignment.ui;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import com.flowstate.action.assignment.AssignmentHistoryFilter;
import com.flowstate.action.assignment.PartnerRole;
import com.flowstate.history.ui.FilterFields;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * The Assignment tab's filter fields: opportunity, assigned company, the one status (pending / accepted / rejected,
 * or failed when no offer could be made), role and a from/to pair on the creation date. Any change runs the listener
 * once; clearing them runs it once for all.
 */
class AssignmentHistoryFilters implements Serializable {

    private static final String ANY = "history.assignment.filter.any";

    private final FilterFields fields;
    private final TextField opportunity;
    private final TextField assignedCompany;
    private final Select<AssignmentState> status;
    private final Select<PartnerRole> role;
    private final FilterFields.DateRange created;

    AssignmentHistoryFilters(FilterFields fields, Locale locale) {
        this.fields = fields;
        opportunity = fields.text("assignment-filter-opportunity", "opportunity",
                "history.assignment.filter.opportunity");
        assignedCompany = fields.text("assignment-filter-company", "assignedCompany",
                "history.assignment.filter.company");
        status = fields.select("assignment-filter-status", "status", "history.assignment.filter.decision", ANY,
                List.of(AssignmentState.PENDING, AssignmentState.ACCEPTED, AssignmentState.REJECTED,
                        AssignmentState.FAILED),
                value -> I18NProvider.translate(locale, "history.assignment.decision." + value.name()));
        role = fields.select("assignment-filter-role", "role", "history.assignment.filter.role", ANY,
                List.of(PartnerRole.values()),
                value -> I18NProvider.translate(locale, "history.assignment.role." + value.name()));
        created = fields.dateRange("assignment-filter-from", "history.assignment.filter.from",
                "assignment-filter-to", "history.assignment.filter.to");
    }

    /** The filter the fields describe now: "failed" is the action's outcome, the others the offer's answer. */
    AssignmentHistoryFilter value() {
        AssignmentState chosen = status.getValue();
        String answer = chosen == null || chosen == AssignmentState.FAILED ? null : chosen.name();
        Boolean outcome = chosen == AssignmentState.FAILED ? Boolean.FALSE : null;
        return new AssignmentHistoryFilter(fields.opportunityId(), opportunity.getValue(), assignedCompany.getValue(),
                answer, role.getValue() == null ? null : role.getValue().name(), outcome, created.from().getValue(),
                created.to().getValue());
    }

    Component opportunity() {
        return opportunity;
    }

    Component assignedCompany() {
        return assignedCompany;
    }

    Component status() {
        return status;
    }

    Component role() {
        return role;
    }

    Component dateRange() {
        return created.component();
    }
}
