package com.flowstate.action.email.ui;

import com.flowstate.action.email.EmailHistoryFilter;
import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.action.email.EmailHistoryRow;
import com.flowstate.history.ui.HistoryTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The E-mail tab: every e-mail the flows sent or tried to send, newest first. */
class EmailHistoryTab extends HistoryTab<EmailHistoryRow, EmailHistoryFilter> {

    private final EmailHistoryFilters filters = new EmailHistoryFilters(filterFields);

    EmailHistoryTab(EmailHistoryQuery query) {
        super(query);
        build("email-history", "createdAt", "history.email.empty");
    }

    @Override
    protected void addColumns(HeaderRow filterRow) {
        filterRow.getCell(opportunityColumn("history.email.column.opportunity")).setComponent(filters.opportunity);
        filterRow.getCell(seedColumn(EmailHistoryRow::template, "template", "history.email.column.template"))
                .setComponent(filters.template);
        filterRow.getCell(seedColumn(EmailHistoryRow::recipientEmail, "recipient", "history.email.column.recipient"))
                .setComponent(filters.recipient);
        filterRow.getCell(seedColumn(EmailHistoryRow::smtpCredential, "smtpCredential", "history.email.column.smtp"))
                .setComponent(filters.smtpCredential);
        filterRow.getCell(statusColumn("history.email.column.status", "history.email.state."))
                .setComponent(filters.status);
        filterRow.getCell(createdAtColumn("history.email.column.createdAt")).setComponent(filters.created.component());
        detailColumn(row -> format(row.sentAt()), "sentAt", "history.email.column.sentAt").setAutoWidth(true);
        attemptsColumn("history.email.column.attempts");
        lastErrorColumn("history.email.column.lastError");
        substateColumn("history.email.column.substate", "history.email.trigger.");
    }

    @Override
    protected EmailHistoryFilter filter() {
        return filters.value();
    }

    @Override
    protected boolean hasDetails() {
        return true;
    }

    @Override
    protected Component details(EmailHistoryRow row) {
        Span subjectLabel = new Span(getTranslation("history.email.details.subject"));
        subjectLabel.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Span subject = new Span(row.subject() == null ? "" : row.subject());
        subject.addClassNames("email-subject", LumoUtility.FontWeight.SEMIBOLD);
        Span bodyLabel = new Span(getTranslation("history.email.details.body"));
        bodyLabel.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div body = new Div(row.bodyPreview() == null ? "" : row.bodyPreview());
        body.addClassNames("email-body", LumoUtility.Whitespace.PRE_WRAP, LumoUtility.FontSize.SMALL);
        Div details = new Div(subjectLabel, subject, bodyLabel, body);
        details.addClassNames("email-details", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.XSMALL, LumoUtility.Padding.Vertical.SMALL, LumoUtility.Padding.Horizontal.MEDIUM);
        if (row.lastError() != null) {
            Div error = new Div(row.lastError());
            error.addClassNames("email-error", LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL,
                    LumoUtility.Whitespace.PRE_WRAP);
            details.add(error);
        }
        return details;
    }
}
