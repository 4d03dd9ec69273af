package com.flowstate.security;

import java.io.IOException;
import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.database.DatabaseOutage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring Security's refusals on {@code /api}, {@code /engine-rest} and Actuator as RFC 9457 problem details, like
 * every other error of the API: 401 (with the Basic challenge, or the Bearer one saying why an API token was
 * refused), 429 for a locked sign-in (with {@code Retry-After}), 403; and a sign-in that could not be checked because
 * the database is down is a 503 with {@code Retry-After}, not a 401 telling the client its credentials are wrong.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper json;
    private final String realm;

    ProblemResponses(ObjectMapper json, String realm) {
        this.json = json;
        this.realm = realm;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        if (refusal instanceof InternalAuthenticationServiceException && DatabaseOutage.isCause(refusal)) {
            log.warn("Database unavailable while signing in {}, answered 503: {}", request.getRequestURI(),
                    DatabaseOutage.describe(refusal));
            DatabaseOutage.write(response, request.getRequestURI());
            return;
        }
        if (refusal instanceof LoginLockedException locked) {
            response.setHeader("Retry-After", Long.toString(locked.retryAfter().toSeconds()));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins", locked.getMessage());
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (ApiTokenAuthentication.isBearer(authorization)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\", error=\"invalid_token\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", refusal.getMessage());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                authorization == null
                        ? "Sign in with HTTP Basic authentication or an API token (Bearer) to use "
                                + request.getRequestURI()
                        : "Wrong username or password");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String who = authentication == null ? "This user" : "User '" + authentication.getName() + "'";
        write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
                who + " may not " + request.getMethod() + " " + request.getRequestURI());
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
               String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // Left out: the path is in the detail anyway.
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
