package com.flowstate.security;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

import com.flowstate.database.DatabaseOutage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic's answer to a failed sign-in, except when the user could not be looked up because the database is
 * down: that is a 503 with {@code Retry-After}, not a 401 that tells the client its credentials are wrong.
 */
final class DatabaseOutageEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageEntryPoint.class);

    private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

    DatabaseOutageEntryPoint(String realmName) {
        basic.setRealmName(realmName);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof InternalAuthenticationServiceException && DatabaseOutage.isCause(failure)) {
            log.warn("Database unavailable while signing in {}, answered 503: {}", request.getRequestURI(),
                    DatabaseOutage.describe(failure));
            DatabaseOutage.write(response, request.getRequestURI());
            return;
        }
        basic.commence(request, response, failure);
    }
}
