package com.flowstate.inbox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;

import com.flowstate.action.activity.Activity;
import com.flowstate.action.activity.ActivityNotFoundException;
import com.flowstate.action.activity.ActivityService;
import com.flowstate.action.assignment.AssignmentConflictException;
import com.flowstate.action.assignment.AssignmentNotFoundException;
import com.flowstate.action.assignment.AssignmentService;
import com.flowstate.action.assignment.PendingOffer;
import com.flowstate.live.LiveUpdates;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * The to-do inbox: offers waiting for the user's company (accept, or reject with a reason) and open activities
 * (complete), each acted on right here through the features' own services, which check the user may. The lists
 * read again by themselves when an assignment or activity the user may see changes (server push), so an offer
 * that arrives shows up without a reload.
 */
@Route("inbox")
@PermitAll
public class InboxView extends VerticalLayout implements HasDynamicTitle {

    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final InboxService inbox;
    private final AssignmentService assignments;
    private final ActivityService activities;
    private final FlowstateUser user;
    private final DateTimeFormatter dates;
    private final Div offers = new Div();
    private final Div todo = new Div();

    InboxView(InboxService inbox, AssignmentService assignments, ActivityService activities, LiveUpdates live) {
        this.inbox = inbox;
        this.assignments = assignments;
        this.activities = activities;
        this.user = CurrentUser.require();
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).withZone(ZONE);
        setMaxWidth("60rem");
        offers.setId("inbox-offers");
        todo.setId("inbox-activities");
        for (Div list : List.of(offers, todo)) {
            list.setWidthFull();
            list.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        }
        add(heading("inbox.offers"), offers, heading("inbox.activities"), todo);
        refresh();
        live.subscribe(this, user.scope(), InboxBadge::concernsAnInbox, changes -> refresh());
    }

    private Component heading(String key) {
        H3 heading = new H3(getTranslation(key));
        heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.Top.MEDIUM, LumoUtility.Margin.Bottom.XSMALL);
        return heading;
    }

    private void refresh() {
        offers.removeAll();
        List<PendingOffer> pending = inbox.offers(user);
        pending.forEach(offer -> offers.add(offerRow(offer)));
        if (pending.isEmpty()) {
            offers.add(empty("inbox.noOffers"));
        }
        todo.removeAll();
        List<Activity> open = inbox.activities(user);
        open.forEach(activity -> todo.add(activityRow(activity)));
        if (open.isEmpty()) {
            todo.add(empty("inbox.noActivities"));
        }
    }

    private Component offerRow(PendingOffer offer) {
        Button accept = new Button(getTranslation("history.assignment.accept"), VaadinIcon.CHECK.create(),
                click -> act(() -> assignments.accept(user, offer.assignmentId()),
                        "history.assignment.acceptedNotice", offer.opportunityName()));
        accept.setId("inbox-accept-" + offer.assignmentId());
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button(getTranslation("history.assignment.reject"), VaadinIcon.CLOSE.create(),
                click -> askReason(offer));
        reject.setId("inbox-reject-" + offer.assignmentId());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        String detail = getTranslation("history.assignment.role." + offer.role().name())
                + (offer.assignedAt() == null ? "" : " · " + dates.format(offer.assignedAt()));
        return row("inbox-offer-" + offer.assignmentId(), offer.opportunityId(), offer.opportunityName(), detail,
                accept, reject);
    }

    private Component activityRow(Activity activity) {
        Button complete = new Button(getTranslation("activities.complete"), VaadinIcon.CHECK.create(),
                click -> act(() -> activities.complete(user, activity.id()), "activities.completedNotice",
                        activity.subject()));
        complete.setId("inbox-complete-" + activity.id());
        complete.addThemeVariants(ButtonVariant.LUMO_SMALL);
        String detail = getTranslation("activity.type." + activity.type().name()) + " · "
                + getTranslation("inbox.due", dates.format(activity.dueDate().atStartOfDay(ZONE)));
        return row("inbox-activity-" + activity.id(), activity.opportunityId(),
                activity.subject() + " — " + activity.opportunityName(), detail, complete);
    }

    private Component row(String id, long opportunityId, String title, String detail, Component... actions) {
        Anchor link = new Anchor("opportunities/" + opportunityId, title);
        link.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Overflow.HIDDEN);
        link.getStyle().set("text-overflow", "ellipsis").set("white-space", "nowrap");
        Span text = new Span(detail);
        text.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div what = new Div(link, text);
        what.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Overflow.HIDDEN);
        what.getStyle().set("flex", "1 1 14rem").set("min-width", "0");
        Div buttons = new Div(actions);
        buttons.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.SMALL);
        Div row = new Div(what, buttons);
        row.setId(id);
        row.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.AlignItems.CENTER,
                LumoUtility.Gap.SMALL, LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Background.CONTRAST_5);
        return row;
    }

    private Component empty(String key) {
        Span text = new Span(getTranslation(key));
        text.addClassNames(LumoUtility.TextColor.SECONDARY);
        return text;
    }

    private void askReason(PendingOffer offer) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("history.assignment.reject") + " — " + offer.opportunityName());
        TextArea reason = new TextArea(getTranslation("inbox.rejectReason"));
        reason.setId("inbox-reject-reason");
        reason.setMaxLength(1000);
        reason.setWidthFull();
        dialog.add(reason);
        Button confirm = new Button(getTranslation("history.assignment.reject"), click -> {
            dialog.close();
            act(() -> assignments.reject(user, offer.assignmentId(), reason.getValue()),
                    "history.assignment.rejectedNotice", offer.opportunityName());
        });
        confirm.setId("inbox-reject-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("mailbox.message.close"), click -> dialog.close()), confirm);
        dialog.open();
    }

    /** Runs the service call; a refusal (decided meanwhile, not theirs) is a translated notice, then the list is re-read. */
    private void act(Supplier<?> action, String doneKey, String what) {
        try {
            action.get();
            Notification.show(getTranslation(doneKey, what), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (AccessDeniedException | AssignmentConflictException | AssignmentNotFoundException
                 | ActivityNotFoundException refused) {
            Notification.show(getTranslation("inbox.refused"), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inbox.title");
    }
}
