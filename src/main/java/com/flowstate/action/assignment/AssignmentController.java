package com.flowstate.action.assignment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/assignments")
@Tag(name = "Assignments", description = "Accept or reject the opportunities offered to your company")
class AssignmentController {

    private final AssignmentService assignments;

    AssignmentController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept a pending assignment offered to your company; accepting it again changes nothing")
    Assignment accept(@PathVariable long id) {
        return assignments.accept(CurrentUser.require(), id);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a pending assignment offered to your company: the opportunity goes to the next "
            + "candidate; rejecting it again changes nothing")
    Assignment reject(@PathVariable long id, @RequestBody(required = false) Rejection rejection) {
        return assignments.reject(CurrentUser.require(), id, rejection == null ? null : rejection.reason());
    }

    /** The body of a rejection; the reason is optional. */
    record Rejection(String reason) {
    }

    @ExceptionHandler(AssignmentNotFoundException.class)
    ProblemDetail notFound(AssignmentNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AssignmentConflictException.class)
    ProblemDetail conflict(AssignmentConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
