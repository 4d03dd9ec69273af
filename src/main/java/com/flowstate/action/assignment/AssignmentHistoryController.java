package com.flowstate.action.assignment;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.history.Page;
import com.flowstate.history.PageParameters;
import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The Assignment tab over REST. An unknown status or role is a bad request. The answers to an offer are
 * {@link AssignmentController}'s.
 */
@RestController
@Tag(name = "Action history")
class AssignmentHistoryController {

    private final AssignmentHistoryQuery assignments;

    AssignmentHistoryController(AssignmentHistoryQuery assignments) {
        this.assignments = assignments;
    }

    @GetMapping("/api/history/assignments")
    @Operation(summary = "Assignment tab: filter by assigned company, opportunity, status, role, dates; sort by "
            + "createdAt|opportunity|assignedCompany|status|role; page with the returned cursor")
    Page<AssignmentHistoryRow> assignments(@ParameterObject AssignmentHistoryFilter filter,
                                           @ParameterObject PageParameters page) {
        return assignments.page(CurrentUser.scope(), filter, page);
    }
}
