package com.flowstate.action.activity.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Stream;

import org.springframework.security.access.AccessDeniedException;

import com.flowstate.action.activity.Activity;
import com.flowstate.action.activity.ActivityNotFoundException;
import com.flowstate.action.activity.ActivityService;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.flowstate.ui.KeysetFetcher;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * The signed-in user's to-do list: open activities assigned to them (a partner: to their company), soonest due
 * first, each with a button that marks it completed. The service decides what is theirs and what they may complete.
 */
@Route("activities")
@PermitAll
public class MyActivitiesView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE_SIZE = 50;
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final ActivityService activities;
    private final KeysetFetcher<Activity, String> fetcher = new KeysetFetcher<>(PAGE_SIZE);
    private final Grid<Activity> grid = new Grid<>();
    private final Checkbox showCompleted = new Checkbox();
    private final DateTimeFormatter dates;
    private final DateTimeFormatter dateTimes;
    private GridLazyDataView<Activity> data;

    /** What the cursors belong to; a change makes the fetcher start again. */
    private record FetchKey(long userId, boolean includeCompleted) {
    }

    MyActivitiesView(ActivityService activities) {
        this.activities = activities;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZONE);
        setSizeFull();
        configureGrid();
        add(createToolbar(), grid);
        setFlexGrow(1, grid);
    }

    private Component createToolbar() {
        showCompleted.setId("show-completed-activities");
        showCompleted.setLabel(getTranslation("activities.showCompleted"));
        showCompleted.addValueChangeListener(change -> refresh());
        Button refresh = new Button(VaadinIcon.REFRESH.create(), click -> refresh());
        refresh.setId("refresh-activities");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        refresh.setAriaLabel(getTranslation("action.refresh"));
        refresh.setTooltipText(getTranslation("action.refresh"));
        HorizontalLayout toolbar = new HorizontalLayout(showCompleted, refresh);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        return toolbar;
    }

    private void configureGrid() {
        grid.setId("my-activities-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(PAGE_SIZE);
        grid.setEmptyStateText(getTranslation("activities.empty"));
        grid.addColumn(createDueDateRenderer()).setKey("dueDate")
                .setHeader(getTranslation("activities.column.dueDate")).setAutoWidth(true);
        column(row -> getTranslation("activity.type." + row.type().name()), "type", "activities.column.type");
        column(Activity::subject, "subject", "activities.column.subject").setFlexGrow(1)
                .setTooltipGenerator(Activity::subject);
        column(Activity::opportunityName, "opportunity", "activities.column.opportunity");
        column(row -> row.assigneeName() + " (" + getTranslation("activity.role." + row.assigneeRole().name()) + ")",
                "assignee", "activities.column.assignee");
        grid.addColumn(new ComponentRenderer<>(this::createCompletion)).setKey("completion")
                .setHeader(getTranslation("activities.column.completedAt")).setAutoWidth(true);
        // No count callback: the list scrolls on page by page, soonest due first.
        data = grid.setItems(this::fetch);
    }

    /** The list's order is the keyset order (due date), so no column sorts. */
    private Grid.Column<Activity> column(ValueProvider<Activity, String> value, String key, String headerKey) {
        return grid.addColumn(value).setKey(key).setHeader(getTranslation(headerKey)).setSortable(false)
                .setAutoWidth(true).setResizable(true);
    }

    /** An open activity past its due date stands out. */
    private LitRenderer<Activity> createDueDateRenderer() {
        return LitRenderer.<Activity>of("<span class=\"${item.overdue ? 'text-error font-semibold' : ''}\">"
                        + "${item.dueDate}</span>")
                .withProperty("dueDate", row -> dates.format(row.dueDate()))
                .withProperty("overdue", row -> !row.completed() && row.dueDate().isBefore(LocalDate.now(ZONE)));
    }

    /** A button while open; when and by whom once completed. */
    private Component createCompletion(Activity activity) {
        if (activity.completed()) {
            Span done = new Span(dateTimes.format(activity.completedAt())
                    + (activity.completedBy() == null ? "" : " · " + activity.completedBy()));
            done.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            return done;
        }
        Button complete = new Button(getTranslation("activities.complete"), VaadinIcon.CHECK.create(),
                click -> complete(activity));
        complete.setId("complete-activity-" + activity.id());
        complete.addClassName("complete-activity");
        complete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        complete.setDisableOnClick(true);
        return complete;
    }

    private void complete(Activity activity) {
        try {
            Activity completed = activities.complete(CurrentUser.require(), activity.id());
            Notifications.success(getTranslation("activities.completedNotice", completed.subject()));
        } catch (ActivityNotFoundException | AccessDeniedException e) {
            Notifications.error(getTranslation("activities.notAllowed"));
        }
        refresh();
    }

    private Stream<Activity> fetch(Query<Activity, Void> request) {
        FlowstateUser user = CurrentUser.require();
        boolean includeCompleted = showCompleted.getValue();
        return fetcher.fetch(new FetchKey(user.userId(), includeCompleted), request.getOffset(), request.getLimit(),
                (cursor, size) -> {
                    var page = activities.myActivities(user, includeCompleted, cursor, size);
                    return new KeysetFetcher.Chunk<>(page.items(), page.nextCursor());
                });
    }

    private void refresh() {
        fetcher.reset();
        if (data != null) {
            data.refreshAll();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("activities.title");
    }
}
