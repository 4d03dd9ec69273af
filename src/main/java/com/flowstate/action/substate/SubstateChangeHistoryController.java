package com.flowstate.action.substate;

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
class SubstateChangeHistoryController {

    private final SubstateChangeHistoryQuery substates;

    SubstateChangeHistoryController(SubstateChangeHistoryQuery substates) {
        this.substates = substates;
    }

    @GetMapping("/api/history/substates")
    @Operation(summary = "Substates tab: the opportunity's substate log (actions' and users' changes); filter by "
            + "opportunity, change type, substate, status, manual, dates; sort by createdAt|opportunity|changeType|"
            + "substate|status; page with the returned cursor")
    Page<SubstateChangeHistoryRow> substates(@ParameterObject SubstateChangeHistoryFilter filter,
                                             @ParameterObject PageParameters page) {
        return substates.page(CurrentUser.scope(), filter, page);
    }
}
