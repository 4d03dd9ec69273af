package com.flowstate.action.activity.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.flowstate.action.activity.ActivityHistoryFilter;
import com.flowstate.action.activity.ActivityHistoryQuery;
import com.flowstate.action.activity.ActivityHistoryRow;
import com.flowstate.action.activity.ActivityType;
import com.flowstate.action.activity.AssigneeRole;
import com.flowstate.history.ui.HistoryTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The Activities tab: every activity the flows created or failed to create, newest first, with whether it is
 * completed now (read from the activity, so it follows the people who work it).
 */
class ActivityHistoryTab extends HistoryTab<ActivityHistoryRow, ActivityHistoryFilter> {

    private final ActivityHistoryFilters filters = new ActivityHistoryFilters(filterFields, getLocale());
    private final DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(getLocale());

    ActivityHistoryTab(ActivityHistoryQuery query) {
        super(query);
        build("activity-history", "createdAt", "history.activity.none", "history.activity.empty");
    }

    @Override
    protected void addColumns(HeaderRow filterRow) {
        filterRow.getCell(opportunityColumn("history.activity.column.opportunity")).setComponent(filters.opportunity);
        filterRow.getCell(seedColumn(row -> typeLabel(row.activityType()), "activityType",
                "history.activity.column.type")).setComponent(filters.activityType);
        filterRow.getCell(seedColumn(this::completedLabel, "completed", "history.activity.column.completed"))
                .setComponent(filters.completed);
        seedColumn(row -> row.dueDate() == null ? "" : dates.format(row.dueDate()), "dueDate",
                "history.activity.column.dueDate");
        detailColumn(this::assignee, "assignee", "history.activity.column.assignee").setWidth("12rem");
        filterRow.getCell(createdAtColumn("history.activity.column.createdAt"))
                .setComponent(filters.created.component());
        // The badge in this action's words ("created", not the e-mail's "sent").
        filterRow.getCell(statusColumn("history.activity.column.status", "history.activity.state."))
                .setComponent(filters.status);
        detailColumn(ActivityHistoryRow::subject, "subject", "history.activity.column.subject")
                .setTooltipGenerator(ActivityHistoryRow::subject).setWidth("14rem").setFlexGrow(1);
        attemptsColumn("history.activity.column.attempts");
        lastErrorColumn("history.activity.column.lastError");
        substateColumn("history.activity.column.substate", "history.email.trigger.");
    }

    @Override
    protected ActivityHistoryFilter filter() {
        return filters.value();
    }


    @Override
    protected Component details(ActivityHistoryRow row) {
        Details details = new Details("activity").value("history.activity.column.subject", row.subject(),
                "activity-subject", LumoUtility.FontWeight.SEMIBOLD);
        if (row.completedAt() != null) {
            Span completed = new Span(getTranslation("history.activity.column.completed") + ": "
                    + format(row.completedAt()));
            completed.addClassNames(LumoUtility.FontSize.SMALL);
            details.line(completed);
        }
        return details.withError(reasonText(row));
    }

    /** A type the designer wrote that is not one of ours stays as written: it is why the row failed. */
    private String typeLabel(String type) {
        return ActivityType.parse(type).map(known -> getTranslation("activity.type." + known.name()))
                .orElse(type == null ? "" : type);
    }

    /** Yes/no while there is an activity; nothing when the execution created none. */
    private String completedLabel(ActivityHistoryRow row) {
        return row.completed() == null ? "" : getTranslation("history.activity.completed." + row.completed());
    }

    private String assignee(ActivityHistoryRow row) {
        String role = AssigneeRole.parse(row.assigneeRole())
                .map(known -> getTranslation("activity.role." + known.name())).orElse(row.assigneeRole());
        if (row.assigneeName() == null) {
            return role == null ? "" : role;
        }
        return role == null ? row.assigneeName() : row.assigneeName() + " (" + role + ")";
    }
}
