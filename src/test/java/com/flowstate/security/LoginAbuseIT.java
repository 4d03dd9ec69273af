package com.flowstate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.security.WebSecurityProperties.LoginThrottleSettings;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * Guessing passwords locks the username, and the client address, for a while — whichever way the password is sent.
 * Every request that fails a sign-in here comes "from" its own documentation address (X-Forwarded-For, which the test
 * profile trusts from the loopback proxy), so the rest of the suite, all from 127.0.0.1, is never locked out; and only
 * users created here are ever locked.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginAbuseIT {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    @Test
    void fortyWrongPasswordsLockTheAccountSoTheRightOneIsRefusedWith429AndRetryAfter(CapturedOutput log)
            throws Exception {
        String user = data.internalUser();
        String address = newAddress();

        for (int attempt = 1; attempt <= 40; attempt++) {
            HttpStatus expected = attempt <= 5 ? HttpStatus.UNAUTHORIZED : HttpStatus.TOO_MANY_REQUESTS;
            assertThat(get(user, "wrong-" + attempt, address).getStatusCode()).as("attempt %d", attempt)
                    .isEqualTo(expected);
        }
        ResponseEntity<String> rightPassword = get(user, user, address);

        assertThat(rightPassword.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(rightPassword.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(rightPassword.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1L, Duration.ofMinutes(15).toSeconds());
        JsonNode problem = json.readTree(rightPassword.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asText())
                .contains("account is temporarily locked after too many failed sign-ins");
        assertThat(failuresOf(user)).as("refused attempts are not checked, so not counted").isEqualTo(5);
        assertThat(log.getOut().lines().filter(line -> line.contains("Sign-in locked for user '" + user + "'")))
                .hasSize(1);
        assertThat(log.getOut()).doesNotContain("wrong-1");
    }

    @Test
    void aLockedAccountIsLockedOnTheLoginFormAndTheEngineRestApiToo() {
        String user = data.designerUser();
        String address = newAddress();
        for (int attempt = 1; attempt <= 5; attempt++) {
            get(user, "wrong", address);
        }
        FormLogin browser = new FormLogin(port);
        String csrf = browser.openLoginPage();

        var form = browser.submit(user, user, csrf, Map.of("X-Forwarded-For", newAddress()));
        ResponseEntity<String> engine = rest.withBasicAuth(user, user).exchange("/engine-rest/deployment",
                HttpMethod.GET, new HttpEntity<>(from(newAddress())), String.class);

        assertThat(FormLogin.signedIn(form)).isFalse();
        assertThat(form.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith(
                "/login?error"));
        assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void wrongPasswordsOnTheLoginFormCountLikeBasicOnes() {
        String user = data.internalUser();
        String address = newAddress();
        FormLogin browser = new FormLogin(port);

        for (int attempt = 1; attempt <= 5; attempt++) {
            String csrf = browser.openLoginPage();
            assertThat(FormLogin.signedIn(browser.submit(user, "wrong", csrf, Map.of("X-Forwarded-For", address))))
                    .isFalse();
        }

        assertThat(get(user, user, newAddress()).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void oneAddressIsLockedAfterTwentyFailuresAcrossDifferentUsernames() throws Exception {
        String address = newAddress();
        String user = data.internalUser();
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(get(data.unique("nobody"), "guess", address).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        ResponseEntity<String> fromThere = get(user, user, address);
        ResponseEntity<String> fromElsewhere = get(user, user, newAddress());

        assertThat(fromThere.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(fromThere.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(json.readTree(fromThere.getBody()).path("detail").asText())
                .contains("address is temporarily locked after too many failed sign-ins");
        assertThat(fromElsewhere.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aSuccessfulSignInClearsTheUsernamesFailures() {
        String user = data.internalUser();
        for (int attempt = 1; attempt <= 4; attempt++) {
            get(user, "wrong", newAddress());
        }
        assertThat(get(user, user, newAddress()).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (int attempt = 1; attempt <= 4; attempt++) {
            get(user, "wrong", newAddress());
        }

        assertThat(get(user, user, newAddress()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** The window is a setting; a throttle with a two-second window shows failures ageing out and being pruned. */
    @Test
    void failuresStopCountingOnceTheWindowHasPassedAndArePrunedThen() {
        LoginThrottle throttle = new LoginThrottle(jdbc, new LoginThrottleSettings(2, 1000, Duration.ofSeconds(2)));
        String user = data.unique("window");
        String address = newAddress();
        throttle.failed(user, address);
        throttle.failed(user, address);

        assertThatThrownBy(() -> throttle.admit(user, address)).isInstanceOfSatisfying(LoginLockedException.class,
                locked -> assertThat(locked.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThatCode(() -> throttle.admit(user, address)).doesNotThrowAnyException());
        throttle.prune();
        assertThat(failuresOf(user)).isZero();
    }

    private ResponseEntity<String> get(String user, String password, String address) {
        return rest.withBasicAuth(user, password).exchange("/api/opportunities?size=1", HttpMethod.GET,
                new HttpEntity<>(from(address)), String.class);
    }

    private static HttpHeaders from(String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", address);
        return headers;
    }

    /** A documentation address (RFC 5737) of its own for each use, never one an earlier run of the suite locked. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (n % 250 + 1);
    }

    private long failuresOf(String user) {
        return jdbc.sql("select count(*) from login_failure where username = ?").param(user).query(Long.class)
                .single();
    }
}
