package com.flowstate;

import java.io.IOException;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a query parameter with a NUL character on the REST API (400 naming it): PostgreSQL cannot store or compare
 * text with one, so it would fail deep in a query as a 500. JSON bodies are guarded by {@link ApiJson}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiInputGuard extends OncePerRequestFilter {

    private final ObjectMapper json;

    ApiInputGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.indexOf('\0') >= 0 || parameter.getKey().indexOf('\0') >= 0) {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                            "Parameter '" + parameter.getKey().replace('\0', '?') + "' contains a NUL character");
                    problem.setProperty("parameter", parameter.getKey().replace('\0', '?'));
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    json.writeValue(response.getOutputStream(), problem);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
