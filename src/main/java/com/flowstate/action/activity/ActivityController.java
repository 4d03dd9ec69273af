package com.flowstate.action.activity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/activities")
@Tag(name = "Activities", description = "Your activities: list them, mark them completed")
class ActivityController {

    private final ActivityService activities;

    ActivityController(ActivityService activities) {
        this.activities = activities;
    }

    @GetMapping("/mine")
    @Operation(summary = "Your activities (your company's, for a partner), soonest due first; page with the cursor")
    ActivityPage mine(
            @Parameter(description = "also list completed ones") @RequestParam(defaultValue = "false") boolean includeCompleted,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String cursor) {
        return activities.myActivities(CurrentUser.require(), includeCompleted, cursor, size);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Mark an activity completed; completing it again changes nothing")
    Activity complete(@PathVariable long id) {
        return activities.complete(CurrentUser.require(), id);
    }

    @ExceptionHandler(ActivityNotFoundException.class)
    ProblemDetail notFound(ActivityNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
