package com.flowstate.action.substate.ui;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import com.flowstate.action.substate.SubstateChangeHistoryFilter;
import com.flowstate.action.substate.SubstateChangeKind;
import com.flowstate.history.ui.FilterFields;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * The Substates tab's filter fields: opportunity, change type, substate and status (the seed's columns), who made
 * the change (an action or a user by hand) and a from/to pair on the date.
 */
class SubstateChangeHistoryFilters implements Serializable {

    private final FilterFields fields;

    final TextField opportunity;
    final Select<SubstateChangeKind> changeType;
    final TextField substate;
    final Select<Boolean> status;
    final Select<Boolean> manual;
    final FilterFields.DateRange created;

    SubstateChangeHistoryFilters(FilterFields fields, Locale locale) {
        this.fields = fields;
        opportunity = fields.text("substate-filter-opportunity", "opportunity", "history.substate.filter.opportunity");
        changeType = fields.select("substate-filter-change-type", "changeType", "history.substate.filter.changeType",
                "history.substate.filter.anyChangeType", List.of(SubstateChangeKind.values()),
                type -> I18NProvider.translate(locale, "history.substate.changeType." + type.name()));
        changeType.setMinWidth("8rem");
        substate = fields.text("substate-filter-substate", "substate", "history.substate.filter.substate");
        // Empty = any; the labels are the column's words (completed / not completed).
        status = fields.status("substate-filter-status", "history.substate.filter.status",
                "history.substate.filter.anyStatus", "history.substate.state.");
        manual = fields.select("substate-filter-manual", "manual", "history.substate.filter.manual",
                "history.substate.filter.anyOrigin", List.of(Boolean.TRUE, Boolean.FALSE),
                value -> I18NProvider.translate(locale, "history.substate.origin." + value));
        created = fields.dateRange("substate-filter-from", "history.substate.filter.from",
                "substate-filter-to", "history.substate.filter.to");
    }

    /** The filter the fields describe now. */
    SubstateChangeHistoryFilter value() {
        return new SubstateChangeHistoryFilter(fields.opportunityId(), opportunity.getValue(), changeType.getValue(),
                substate.getValue(), status.getValue(), manual.getValue(), created.from().getValue(),
                created.to().getValue());
    }
}
