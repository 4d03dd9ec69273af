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

    final TextField opportunity;
    final Select<ActivityType> activityType;
    final Select<Boolean> completed;
    final Select<Boolean> status;
    final FilterFields.DateRange created;

    ActivityHistoryFilters(FilterFields fields, Locale locale) {
        opportunity = fields.text("activity-filter-opportunity", "history.activity.filter.opportunity");
        activityType = fields.select("activity-filter-type", "history.activity.filter.type",
                List.of(ActivityType.values()), type -> I18NProvider.translate(locale, "activity.type." + type.name()));
        // Yes/no in words, as the column shows it; empty = any, including executions that created no activity.
        completed = fields.select("activity-filter-completed", "history.activity.filter.completed",
                List.of(Boolean.TRUE, Boolean.FALSE),
                value -> I18NProvider.translate(locale, "history.activity.completed." + value));
        status = fields.select("activity-filter-status", "history.activity.filter.status",
                List.of(Boolean.TRUE, Boolean.FALSE), Object::toString);
        created = fields.dateRange();
    }

    /** The filter the fields describe now. */
    ActivityHistoryFilter value() {
        return new ActivityHistoryFilter(null, opportunity.getValue(),
                activityType.getValue() == null ? null : activityType.getValue().name(), completed.getValue(),
                status.getValue(), created.from().getValue(), created.to().getValue());
    }
}
