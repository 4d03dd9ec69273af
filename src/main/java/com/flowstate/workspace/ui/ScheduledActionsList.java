package com.flowstate.workspace.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.flowstate.security.CurrentUser;
import com.flowstate.ui.Notifications;
import com.flowstate.workspace.OpportunityWorkspace;
import com.flowstate.workspace.ScheduledAction;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The opportunity's pending scheduled actions (timers of its flow not yet fired): when each fires and what it runs.
 * Platform users may cancel one (it never fires) or move it; the workspace service checks that they may.
 */
class ScheduledActionsList extends Div {

    private final OpportunityWorkspace workspace;
    private final boolean canChange;
    private final DateTimeFormatter dateTimes;
    private final Runnable onChange;
    private Long opportunityId;

    ScheduledActionsList(OpportunityWorkspace workspace, boolean canChange, DateTimeFormatter dateTimes,
                         Runnable onChange) {
        this.workspace = workspace;
        this.canChange = canChange;
        this.dateTimes = dateTimes;
        this.onChange = onChange;
        setId("workspace-scheduled");
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
    }

    void show(long opportunityId) {
        this.opportunityId = opportunityId;
        removeAll();
        List<ScheduledAction> pending = workspace.scheduledActions(CurrentUser.scope(), opportunityId);
        if (pending.isEmpty()) {
            Span none = new Span(getTranslation("opportunity.page.scheduled.none"));
            none.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            add(none);
        }
        pending.forEach(action -> add(row(action)));
    }

    private HorizontalLayout row(ScheduledAction action) {
        Span what = new Span(action.actions().isEmpty() ? action.timerName() : String.join(", ", action.actions()));
        what.addClassName(LumoUtility.FontWeight.SEMIBOLD);
        Span when = new Span(getTranslation("opportunity.page.scheduled.due",
                action.dueAt() == null ? "—" : dateTimes.format(action.dueAt()),
                action.substateName() == null ? "—" : action.substateName()));
        when.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.XSMALL);
        when.addClassName("workspace-scheduled-due");
        Div text = new Div(what, when);
        text.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        text.getStyle().set("min-width", "0").set("overflow-wrap", "anywhere");
        HorizontalLayout row = new HorizontalLayout(text);
        row.addClassName("workspace-scheduled-action");
        row.getElement().setAttribute("data-timer", action.timerId());
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setFlexGrow(1, text);
        if (canChange) {
            Button move = new Button(getTranslation("opportunity.page.scheduled.reschedule"),
                    click -> openReschedule(action));
            move.setId("workspace-reschedule-" + action.timerId());
            move.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button cancel = new Button(getTranslation("opportunity.page.scheduled.cancel"),
                    click -> change(() -> workspace.cancel(CurrentUser.scope(), opportunityId, action.id()),
                            "opportunity.page.scheduled.cancelled"));
            cancel.setId("workspace-cancel-" + action.timerId());
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            row.add(move, cancel);
        }
        return row;
    }

    private void openReschedule(ScheduledAction action) {
        DateTimePicker when = new DateTimePicker(getTranslation("opportunity.page.scheduled.newTime"));
        when.setId("workspace-reschedule-time");
        when.setLocale(getLocale());
        when.setMin(LocalDateTime.now(OpportunityView.ZONE));
        if (action.dueAt() != null) {
            when.setValue(LocalDateTime.ofInstant(action.dueAt(), OpportunityView.ZONE));
        }
        Dialog dialog = new Dialog(when);
        dialog.setId("workspace-reschedule-dialog");
        dialog.setHeaderTitle(getTranslation("opportunity.page.scheduled.reschedule"));
        Button save = new Button(getTranslation("action.save"), click -> {
            if (when.getValue() == null) {
                Notifications.error(getTranslation("opportunity.page.refused.invalid"));
                return;
            }
            Instant dueAt = when.getValue().atZone(OpportunityView.ZONE).toInstant();
            dialog.close();
            change(() -> workspace.reschedule(CurrentUser.scope(), opportunityId, action.id(), dueAt),
                    "opportunity.page.scheduled.moved");
        });
        save.setId("workspace-reschedule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.close"), click -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void change(Runnable action, String doneKey) {
        try {
            action.run();
            Notifications.success(getTranslation(doneKey));
        } catch (RuntimeException e) {
            Notifications.error(OpportunityView.refusal(this, e));
        }
        onChange.run();
    }
}
