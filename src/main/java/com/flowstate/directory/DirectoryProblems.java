package com.flowstate.directory;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The partner and user admin APIs' refusals as problem details: the wrong field named, an unknown id a 404. The
 * controllers extend it so these handlers are their own, which Spring prefers to the app-wide advice (whose
 * IllegalArgumentException handler would answer without the field).
 */
abstract class DirectoryProblems {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid " + e.field());
        problem.setProperty("fields", List.of(e.field()));
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** Two admins creating the same name at the same moment: the second one is told, not a 500. */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The name is taken (created at the same moment by someone else): choose another");
    }
}
