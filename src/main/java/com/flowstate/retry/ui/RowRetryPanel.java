package com.flowstate.retry.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.flowstate.history.ActionHistoryRow;
import com.flowstate.history.ActionStatus;
import com.flowstate.retry.AttemptEntry;
import com.flowstate.retry.RetryRefusedException;
import com.flowstate.retry.RetryService;
import com.flowstate.retry.RetryTargetNotFoundException;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * A row's part of its details: every attempt (number, who started it, when, outcome, reason) and, for staff, Retry
 * on a failed row and Resend on a sent e-mail or report. Element ids carry the tab's prefix and the row's id, since
 * several rows' details can be open at once.
 */
class RowRetryPanel extends Div {

    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    RowRetryPanel(RetryService retries, String tabKey, ActionHistoryRow row, RetryService.Abilities abilities,
                  String idPrefix, Runnable refreshTab) {
        addClassNames("retry-panel", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.XSMALL, LumoUtility.Padding.Vertical.SMALL, LumoUtility.Padding.Horizontal.MEDIUM);
        String id = idPrefix + "-" + row.id();
        setId(id + "-retry-panel");

        retries.resendOf(tabKey, row.id()).ifPresent(original -> {
            Div resendOf = small(getTranslation("retry.row.resendOf", String.valueOf(original)));
            resendOf.addClassName("retry-resend-of");
            add(resendOf);
        });
        Span title = new Span(getTranslation("retry.attempts.title"));
        title.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        add(title);
        List<AttemptEntry> attempts = retries.attempts(tabKey, row.id());
        if (attempts.isEmpty()) {
            add(small(getTranslation("retry.attempts.none")));
        }
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZONE);
        for (AttemptEntry attempt : attempts) {
            Div line = small(getTranslation("retry.attempts.line", attempt.attempt(), origin(attempt),
                    when(times, attempt.startedAt(), attempt.endedAt())) + " · "
                    + getTranslation("retry.attempts.outcome." + attempt.outcome())
                    + (attempt.reason() == null || attempt.outcome().equals("SUCCEEDED") ? ""
                    : " — " + attempt.asReason().in(getLocale())));
            line.addClassName("retry-attempt");
            if (!attempt.outcome().equals("SUCCEEDED")) {
                line.addClassName(LumoUtility.TextColor.ERROR);
            }
            add(line);
        }

        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        buttons.addClassName(LumoUtility.Gap.SMALL);
        if (abilities.retry() && row.state() == ActionStatus.FAILED) {
            Button retry = new Button(getTranslation("retry.row.retry"), VaadinIcon.ROTATE_LEFT.create());
            retry.setId(id + "-retry");
            retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            retry.setDisableOnClick(true);
            retry.addClickListener(click -> act(() -> retries.retry(tabKey, row.id()), "retry.row.retried",
                    refreshTab));
            buttons.add(retry);
        }
        if (abilities.resend() && row.state() == ActionStatus.SUCCEEDED) {
            Button resend = new Button(getTranslation("retry.row.resend"), VaadinIcon.ENVELOPE_O.create());
            resend.setId(id + "-resend");
            resend.addThemeVariants(ButtonVariant.LUMO_SMALL);
            resend.setDisableOnClick(true);
            resend.addClickListener(click -> act(() -> retries.resend(tabKey, row.id()), "retry.row.resent",
                    refreshTab));
            buttons.add(resend);
        }
        if (buttons.getComponentCount() > 0) {
            add(buttons);
        }
    }

    private void act(Runnable action, String doneKey, Runnable refreshTab) {
        try {
            action.run();
            Notifications.success(getTranslation(doneKey));
            refreshTab.run();
        } catch (RetryRefusedException refused) {
            Notifications.error(getTranslation(refused.messageKey()));
        } catch (RetryTargetNotFoundException gone) {
            Notifications.error(getTranslation("retry.notFound"));
        }
    }

    private String origin(AttemptEntry attempt) {
        String who = attempt.requestedByName() != null ? attempt.requestedByName() : attempt.requestedBy();
        return getTranslation("retry.attempts.origin." + attempt.origin(), who == null ? "" : who);
    }

    private static String when(DateTimeFormatter times, Instant startedAt, Instant endedAt) {
        return times.format(startedAt != null ? startedAt : endedAt);
    }

    private static Div small(String text) {
        Div div = new Div(text);
        div.addClassNames(LumoUtility.FontSize.SMALL);
        return div;
    }
}
