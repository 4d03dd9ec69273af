package com.flowstate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The error page of a REST API call that never reached a controller or left it as a bare status: refused by Spring
 * Security (403 of a role check, a URL its firewall rejects), an unknown route. Under /api it answers, like
 * {@link ApiExceptionHandler}, an RFC 9457 problem detail; everywhere else (the UI, Cockpit) Spring Boot's own page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ApiErrorController extends BasicErrorController {

    ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                       ObjectProvider<ErrorViewResolver> resolvers) {
        super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path) || !path.startsWith(request.getContextPath() + "/api/")) {
            return super.error(request);
        }
        HttpStatus status = getStatus(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail(request, status));
        problem.put("instance", path);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** What the refusal said, for a client's mistake; never an exception's text for a server error. */
    private static String detail(HttpServletRequest request, HttpStatus status) {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (status.is4xxClientError() && message instanceof String text && !text.isBlank()) {
            return text.replaceAll("\\p{Cntrl}", "?");
        }
        return switch (status) {
            case FORBIDDEN -> "You may not do this";
            case UNAUTHORIZED -> "Sign in first";
            case NOT_FOUND -> "Nothing here";
            default -> status.getReasonPhrase();
        };
    }
}
