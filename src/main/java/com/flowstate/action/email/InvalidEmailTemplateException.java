package com.flowstate.action.email;

import java.util.List;
import java.util.stream.Collectors;

/** An e-mail template that cannot be saved, with every field that is wrong and why. */
public class InvalidEmailTemplateException extends RuntimeException {

    private final transient List<EmailTemplateProblem> problems;

    InvalidEmailTemplateException(List<EmailTemplateProblem> problems) {
        super(problems.stream().map(problem -> problem.field() + ": " + problem.reason().text())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<EmailTemplateProblem> problems() {
        return problems;
    }
}
