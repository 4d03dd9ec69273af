package com.flowstate.action.email.ui;

import org.springframework.stereotype.Component;

import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.history.ui.HistoryTabProvider;

/** The E-mail tab, first of the action history. */
@Component
class EmailHistoryTabProvider extends HistoryTabProvider {

    EmailHistoryTabProvider(EmailHistoryQuery query) {
        super("sendEmailAction", "tab-email", 10, "history.tab.email", () -> new EmailHistoryTab(query));
    }
}
