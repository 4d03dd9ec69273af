package com.flowstate.action.email.ui;

import com.flowstate.action.email.EmailHistoryFilter;
import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.action.email.EmailHistoryRow;
import com.flowstate.history.ui.HistoryTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The E-mail tab: every e-mail the flows sent or tried to send, newest first. */
class EmailHistoryTab extends HistoryTab<EmailHistoryRow, EmailHistoryFilter> {

    private final EmailHistoryFilters filters = new EmailHistoryFilters(filterFields);

    EmailHistoryTab(EmailHistoryQuery query) {
        super(query);
        build("email-history", "createdAt", "history.email.none", "history.email.empty");
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
    protected Component details(EmailHistoryRow row) {
        return new Details("email")
                .value("history.email.details.subject", row.subject(), "email-subject", LumoUtility.FontWeight.SEMIBOLD)
                .value("history.email.details.body", row.bodyPreview(), "email-body", LumoUtility.FontSize.SMALL)
                .withError(reasonText(row));
    }
}
