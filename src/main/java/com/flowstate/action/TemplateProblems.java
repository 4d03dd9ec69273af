package com.flowstate.action;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problem details the admin template APIs answer with: the field, the flows, the reason code. */
public final class TemplateProblems {

    private TemplateProblems() {
    }

    /** 400 naming the field ({@code field}) and the reason's code ({@code code}). */
    public static ProblemDetail invalidField(TemplateFieldException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid field '" + e.field() + "'");
        problem.setProperty("field", e.field());
        problem.setProperty("code", e.reason().code());
        return problem;
    }

    /** 409 naming the flows that use the template ({@code flows}). */
    public static ProblemDetail inUse(TemplateInUseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("flows", e.flows());
        return problem;
    }

    public static ProblemDetail notFound(TemplateNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
