package com.flowstate;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.flowstate.database.DatabaseOutage;
import com.flowstate.flow.SubstateChangeException;
import com.flowstate.opportunity.OpportunityNotFoundException;

import jakarta.validation.ConstraintViolationException;

/** Errors of the REST API as RFC 9457 problem details with a message a client can show. */
@RestControllerAdvice(basePackages = "com.flowstate")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * The database cannot be reached (down, restarting, no connection within the pool's time-out): 503 with
     * {@code Retry-After}, an outcome worth one log line. A collision with a concurrent transaction (deadlock,
     * serialization failure, optimistic locking) is a 409 to try again. Spring's, the transaction manager's and the
     * engine's exceptions are looked through for either; any other stays the error it is.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, ProcessEngineException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        if (DatabaseOutage.isCollision(e) && !DatabaseOutage.isCause(e)) {
            log.info("Request collided with a concurrent change, answered 409: {}", DatabaseOutage.describe(e));
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT, "The data changed at the same moment (a timer, an action or another user): "
                            + "try again"));
        }
        if (!DatabaseOutage.isCause(e)) {
            throw e;
        }
        log.warn("Database unavailable, answered 503: {}", DatabaseOutage.describe(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.retryAfterSeconds())
                .body(DatabaseOutage.problem());
    }

    /** A body that breaks a constraint: each field named with what is wrong with it. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage()).sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                fields.isEmpty() ? "Invalid request content" : "Invalid " + fields);
        problem.setProperty("fields", e.getBindingResult().getFieldErrors().stream()
                .map(FieldError::getField).distinct().sorted().toList());
        return problem;
    }

    /** A body the API cannot read: a field it does not know is named, anything else said plainly. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Unknown field '"
                    + unknown.getPropertyName() + "' (known: " + unknown.getKnownPropertyIds() + ")");
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream().map(reference -> reference.getFieldName() != null
                    ? reference.getFieldName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid value of field '"
                    + field + "': " + mismatch.getOriginalMessage().replace('\0', '?'));
            problem.setProperty("fields", java.util.List.of(field));
            return problem;
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON for "
                + "this endpoint");
    }

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
