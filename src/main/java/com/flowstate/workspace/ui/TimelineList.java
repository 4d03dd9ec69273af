package com.flowstate.workspace.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;

import com.flowstate.flow.SubstateNames;
import com.flowstate.history.ActionStatus;
import com.flowstate.security.CurrentUser;
import com.flowstate.workspace.OpportunityWorkspace;
import com.flowstate.workspace.TimelineEntry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The opportunity's timeline, newest first, one line each: when, what (the action and its main columns, a substate
 * opening or closing, a scheduled action cancelled or moved), the status in words with a colour, the reason, and a
 * link to the row in the action history. What waits or retries shows when it runs next. "Show more" doubles the
 * lines read, up to the service's maximum.
 */
class TimelineList extends Div {

    private final OpportunityWorkspace workspace;
    private final DateTimeFormatter dateTimes;
    private final Div lines = new Div();
    private final Button more = new Button();
    private Long opportunityId;
    private int limit = OpportunityWorkspace.TIMELINE_PAGE;

    TimelineList(OpportunityWorkspace workspace, DateTimeFormatter dateTimes) {
        this.workspace = workspace;
        this.dateTimes = dateTimes;
        setId("workspace-timeline");
        setWidthFull();
        lines.setId("workspace-timeline-lines");
        more.setText(getTranslation("opportunity.page.timeline.more"));
        more.setId("workspace-timeline-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(click -> {
            limit = limit * 2;
            render();
        });
        add(lines, more);
    }

    void show(long opportunityId) {
        if (this.opportunityId == null || this.opportunityId != opportunityId) {
            limit = OpportunityWorkspace.TIMELINE_PAGE;
        }
        this.opportunityId = opportunityId;
        render();
    }

    private void render() {
        List<TimelineEntry> entries = workspace.timeline(CurrentUser.scope(), opportunityId, limit);
        lines.removeAll();
        if (entries.isEmpty()) {
            Span none = new Span(getTranslation("opportunity.page.timeline.empty"));
            none.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            lines.add(none);
        }
        entries.forEach(entry -> lines.add(line(entry)));
        more.setVisible(entries.size() >= limit && limit < com.flowstate.action.ActionTimeline.MAX_LIMIT);
    }

    private Div line(TimelineEntry entry) {
        Span time = new Span(entry.at() == null ? "" : dateTimes.format(entry.at()));
        time.addClassName("fs-timeline-time");
        Div what = new Div();
        what.addClassName("fs-timeline-what");
        Span status = new Span();
        switch (entry.kind()) {
            case ACTION -> describeAction(entry, what, status);
            case SUBSTATE_OPENED, SUBSTATE_CLOSED -> {
                what.add(new Span(getTranslation("opportunity.page.timeline." + entry.kind().name(),
                        substateName(entry))));
                status.setText(getTranslation("opportunity.page.timeline.badge." + entry.kind().name()));
                status.getElement().getThemeList().add("badge contrast small");
            }
            case SCHEDULED_ACTION_CANCELLED, SCHEDULED_ACTION_MOVED -> {
                what.add(new Span(getTranslation("opportunity.page.timeline." + entry.kind().name(),
                        entry.summary(), entry.by(), entry.dueAt() == null ? "" : dateTimes.format(entry.dueAt()))));
                status.setText(getTranslation("opportunity.page.timeline.badge." + entry.kind().name()));
                status.getElement().getThemeList().add("badge small");
            }
        }
        Div line = new Div(time, what, status);
        line.addClassName("fs-timeline-line");
        line.getElement().setAttribute("data-kind", entry.kind().name());
        if (entry.status() != null) {
            line.getElement().setAttribute("data-status", entry.status().name());
        }
        return line;
    }

    private void describeAction(TimelineEntry entry, Div what, Span status) {
        String title = entry.title() != null ? entry.title()
                : getTranslation("opportunity.page.timeline.manualChange");
        Span name = new Span(title);
        name.addClassName(LumoUtility.FontWeight.SEMIBOLD);
        what.add(name);
        if (entry.summary() != null && !entry.summary().isBlank()) {
            what.add(new Span(" · " + entry.summary()));
        }
        StringBuilder meta = new StringBuilder(getTranslation("opportunity.page.action." + entry.action()));
        if (entry.substateName() != null) {
            meta.append(" · ").append(substateName(entry));
        }
        if (entry.trigger() != null) {
            meta.append(" · ").append(getTranslation("opportunity.page.trigger." + entry.trigger()));
        }
        if (entry.nextAttemptAt() != null) {
            meta.append(" · ").append(getTranslation("opportunity.page.timeline.nextAttempt",
                    dateTimes.format(entry.nextAttemptAt())));
        }
        Div metaLine = new Div(new Span(meta.toString()));
        metaLine.addClassName("fs-timeline-meta");
        if (entry.historyLink() != null) {
            Anchor link = new Anchor(entry.historyLink(), getTranslation("opportunity.page.timeline.open"));
            link.addClassName("workspace-history-link");
            metaLine.add(new Span(" · "), link);
        }
        what.add(metaLine);
        String reasonText = entry.reason() == null ? null : entry.reason().in(getLocale());
        if (reasonText != null && !reasonText.isBlank() && entry.status() != ActionStatus.SUCCEEDED) {
            Div reason = new Div(new Span(reasonText));
            reason.addClassName("fs-timeline-reason");
            what.add(reason);
        }
        status.setText(getTranslation("opportunity.page.status." + entry.status().name()));
        status.getElement().getThemeList().add("badge small " + theme(entry.status()));
    }

    private static String theme(ActionStatus status) {
        return switch (status) {
            case SUCCEEDED -> "success";
            case FAILED -> "error";
            case SCHEDULED -> "contrast";
            case RUNNING, RETRYING -> "";
        };
    }

    /** The substate as the flow names it in the reader's language. */
    private String substateName(TimelineEntry entry) {
        return SubstateNames.localized(entry.substateKey(), entry.substateName(), getLocale());
    }
}
