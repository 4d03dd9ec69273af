package com.flowstate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Spring Security's refusals as the API's problem details. */
class ProblemResponsesTest {

    private final ProblemResponses entryPoint = new ProblemResponses(new ObjectMapper(), "Flowstate");

    @Test
    void aUserThatCannotBeLookedUpBecauseTheDatabaseIsDownIsA503NotA401() throws Exception {
        var response = new MockHttpServletResponse();
        var lookupFailed = new InternalAuthenticationServiceException("Could not open JDBC Connection",
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("Connection is not available, request timed out")));

        entryPoint.commence(new MockHttpServletRequest("GET", "/api/opportunities"), response, lookupFailed);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503").contains("database is not reachable");
    }

    @Test
    void wrongCredentialsStayA401WithTheRealm() throws Exception {
        var response = new MockHttpServletResponse();

        entryPoint.commence(new MockHttpServletRequest("GET", "/api/opportunities"), response,
                new BadCredentialsException("Bad credentials"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"Flowstate\"");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void aSignInWhoseThrottleCannotBeReadBecauseTheDatabaseIsDownIsA503() throws Exception {
        var response = new MockHttpServletResponse();
        var throttleUnreadable = new InternalAuthenticationServiceException("Could not open JDBC Connection",
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("Connection is not available, request timed out")));

        entryPoint.commence(new MockHttpServletRequest("GET", "/api/opportunities"), response, throttleUnreadable);

        assertThat(response.getStatus()).isEqualTo(503);
    }
}
