package com.flowstate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.flowstate.flow.SubstateChangeException;
import com.flowstate.opportunity.OpportunityNotFoundException;

import jakarta.validation.ConstraintViolationException;

/** Errors of the REST API as RFC 9457 problem details with a message a client can show. */
@RestControllerAdvice(basePackages = "com.flowstate")
class ApiExceptionHandler {

    @ExceptionHandler(OpportunityNotFoundException.class)
    ProblemDetail notFound(OpportunityNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(SubstateChangeException.class)
    ProblemDetail substateChange(SubstateChangeException e) {
        HttpStatus status = e.reason() == SubstateChangeException.Reason.UNKNOWN_SUBSTATE
                ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, ConstraintViolationException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
