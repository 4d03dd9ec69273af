package com.flowstate.action.substate.ui;

import org.springframework.stereotype.Component;

import com.flowstate.action.substate.SubstateChangeHistoryQuery;
import com.flowstate.history.ui.HistoryTabProvider;

/** The Substates tab of the action history, after the E-mail and Activities tabs. */
@Component
class SubstateChangeHistoryTabProvider extends HistoryTabProvider {

    SubstateChangeHistoryTabProvider(SubstateChangeHistoryQuery query) {
        super("changeSubstateAction", "tab-substates", 30, "history.tab.substates",
                () -> new SubstateChangeHistoryTab(query));
    }
}
