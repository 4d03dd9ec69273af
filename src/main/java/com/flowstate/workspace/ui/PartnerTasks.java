package com.flowstate.workspace.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.flowstate.action.activity.Activity;
import com.flowstate.action.activity.ActivityService;
import com.flowstate.action.assignment.Assignment;
import com.flowstate.action.assignment.AssignmentService;
import com.flowstate.security.CurrentUser;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The user's own work on the opportunity: offers to their company waiting for an answer (accept / reject) and open
 * activities they may complete. The assignment and activity services decide who may; this only shows and asks.
 * Hidden when there is nothing to do.
 */
class PartnerTasks extends Div {

    private final AssignmentService assignments;
    private final ActivityService activities;
    private final Runnable onChange;
    private final Div items = new Div();

    PartnerTasks(AssignmentService assignments, ActivityService activities, Runnable onChange) {
        this.assignments = assignments;
        this.activities = activities;
        this.onChange = onChange;
        setId("workspace-tasks");
        H3 heading = new H3(getTranslation("opportunity.page.tasks"));
        heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.Top.MEDIUM,
                LumoUtility.Margin.Bottom.XSMALL);
        items.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        add(heading, items);
        setVisible(false);
    }

    void show(long opportunityId) {
        var user = CurrentUser.require();
        List<Assignment> offers = assignments.pendingOffersOn(user, opportunityId);
        List<Activity> open = activities.openOn(user, opportunityId);
        items.removeAll();
        offers.forEach(offer -> items.add(offerRow(offer)));
        open.forEach(activity -> items.add(activityRow(activity)));
        setVisible(!offers.isEmpty() || !open.isEmpty());
    }

    private HorizontalLayout offerRow(Assignment offer) {
        Span text = new Span(getTranslation("opportunity.page.offer",
                getTranslation("opportunity.page.role." + offer.role().name()), offer.companyName()));
        Button accept = new Button(getTranslation("opportunity.page.accept"), click -> act(() ->
                assignments.accept(CurrentUser.require(), offer.id()), "opportunity.page.accepted"));
        accept.setId("workspace-accept-" + offer.id());
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button(getTranslation("opportunity.page.reject"), click -> act(() ->
                assignments.reject(CurrentUser.require(), offer.id(), null), "opportunity.page.rejected"));
        reject.setId("workspace-reject-" + offer.id());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return row(text, accept, reject);
    }

    private HorizontalLayout activityRow(Activity activity) {
        String due = activity.dueDate() == null ? "—"
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(activity.dueDate());
        Span text = new Span(activity.subject() + " · " + getTranslation("opportunity.page.due", due));
        Button complete = new Button(getTranslation("opportunity.page.complete"), click -> act(() ->
                activities.complete(CurrentUser.require(), activity.id()), "opportunity.page.completed"));
        complete.setId("workspace-complete-" + activity.id());
        complete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        return row(text, complete);
    }

    private static HorizontalLayout row(Span text, Button... buttons) {
        text.getStyle().set("min-width", "0").set("overflow-wrap", "anywhere");
        HorizontalLayout row = new HorizontalLayout(text);
        row.add(buttons);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setFlexGrow(1, text);
        row.addClassName("workspace-task");
        return row;
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Notifications.success(getTranslation(doneKey));
        } catch (RuntimeException e) {
            // Decided meanwhile, no longer theirs, not theirs to do: the refreshed list shows how it stands now.
            Notifications.error(getTranslation("opportunity.page.refused.task"));
        }
        onChange.run();
    }
}
