package com.flowstate.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A user whose password an admin reset may sign in with the temporary one only to choose a new one: the UI sends them
 * to its "choose a new password" view, and this refuses (403) everything else they ask of the REST API, the engine
 * REST API and Camunda's webapps. A servlet filter after Spring Security's, so the request's user is known.
 */
@Component
class PasswordChangeGate extends OncePerRequestFilter {

    private final ProblemResponses problems;

    PasswordChangeGate(ObjectMapper json) {
        this.problems = new ProblemResponses(json, "Flowstate");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CurrentUser.get().map(FlowstateUser::passwordChangeRequired).orElse(false)) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "Password change required",
                    "An admin reset your password: sign in to the web UI and choose a new one first");
            return;
        }
        chain.doFilter(request, response);
    }
}
