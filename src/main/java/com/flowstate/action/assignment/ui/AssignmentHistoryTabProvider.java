package com.flowstate.action.assignment.ui;

import org.springframework.stereotype.Component;

import com.flowstate.action.assignment.AssignmentHistoryQuery;
import com.flowstate.action.assignment.AssignmentService;
import com.flowstate.history.ui.HistoryTabProvider;

/** The Assignment tab of the action history, after the substates tab. */
@Component
class AssignmentHistoryTabProvider extends HistoryTabProvider {

    AssignmentHistoryTabProvider(AssignmentHistoryQuery query, AssignmentService assignments) {
        super("assignPartnerAction", "tab-assignment", 40, "history.tab.assignment",
                () -> new AssignmentHistoryTab(query, assignments));
    }
}
