package com.flowstate.action.activity.ui;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import com.flowstate.action.activity.ActivityHistoryFilter;
import com.flowstate.action.activity.ActivityType;
import com.flowstate.history.ui.FilterFields;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * The Activities tab's filter fields: opportunity, activity type and completed (the seed's columns), status and a
 * from/to pair on the creation date.
 */
class ActivityHistoryFilters implements Serializable {

    private final FilterFields fields;

    final TextField opportunity;
    final Select<ActivityType> activityType;
    final Select<Boolean> completed;
    final Select<Boolean> status;
    final FilterFields.DateRange created;

    ActivityHistoryFilters(FilterFields fields, Locale locale) {
        this.fields = fields;
        opportunity = fields.text("activity-filter-opportunity", "opportunity", "history.activity.filter.opportunity");
        activityType = fields.select("activity-filter-type", "activityType", "history.activity.filter.type",
                List.of(ActivityType.values()), type -> I18NProvider.translate(locale, "activity.type." + type.name()));
        // Yes/no in words, as the column shows it; empty = any, including executions that created no activity.
        completed = fields.select("activity-filter-completed", "completed", "history.activity.filter.completed",
                List.of(Boolean.TRUE, Boolean.FALSE),
                value -> I18NProvider.translate(locale, "history.activity.completed." + value));
        status = fields.status("activity-filter-status", "history.activity.filter.status", "history.filter.any",
                "history.activity.state.");
        created = fields.dateRange("activity-filter-from", "history.email.filter.from", "activity-filter-to",
                "history.email.filter.to");
    }

    /** The filter the fields describe now. */
    ActivityHistoryFilter value() {
        return new ActivityHistoryFilter(fields.opportunityId(), opportunity.getValue(),
                activityType.getValue() == null ? null : activityType.getValue().name(), completed.getValue(),
                status.getValue(), created.from().getValue(), created.to().getValue());
    }
}
