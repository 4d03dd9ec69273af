package com.flowstate.action.activity.ui;

import org.springframework.stereotype.Component;

import com.flowstate.action.activity.ActivityHistoryQuery;
import com.flowstate.history.ui.HistoryTabProvider;

/** The Activities tab, second of the action history. */
@Component
class ActivityHistoryTabProvider extends HistoryTabProvider {

    ActivityHistoryTabProvider(ActivityHistoryQuery query) {
        super("createActivityAction", "tab-activities", 20, "history.tab.activities",
                () -> new ActivityHistoryTab(query));
    }
}
