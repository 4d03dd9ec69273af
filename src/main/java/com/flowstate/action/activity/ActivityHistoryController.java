package com.flowstate.action.activity;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.history.Page;
import com.flowstate.history.PageParameters;
import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Action history")
class ActivityHistoryController {

    private final ActivityHistoryQuery activities;

    ActivityHistoryController(ActivityHistoryQuery activities) {
        this.activities = activities;
    }

    @GetMapping("/api/history/activities")
    @Operation(summary = "Activities tab: filter by opportunity, activity type, completed (live), status, dates; sort "
            + "by createdAt|opportunity|activityType|completed|dueDate|status; page with the returned cursor")
    Page<ActivityHistoryRow> activities(@ParameterObject ActivityHistoryFilter filter,
                                        @ParameterObject PageParameters page) {
        return activities.page(CurrentUser.scope(), filter, page);
    }
}
