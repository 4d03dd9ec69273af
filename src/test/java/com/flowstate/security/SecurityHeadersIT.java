package com.flowstate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** What every response says to the browser, and how the API says no. */
@IntegrationTest
class SecurityHeadersIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired UserService users;

    @Test
    void uiPagesCarryAPolicyWhoseNonceOnlyThePagesOwnScriptsHave() {
        ResponseEntity<String> login = rest.getForEntity("/login", String.class);
        ResponseEntity<String> again = rest.getForEntity("/login", String.class);

        String policy = login.getHeaders().getFirst("Content-Security-Policy");
        Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'unsafe-eval';").matcher(policy);
        assertThat(nonce.find()).as(policy).isTrue();
        assertThat(policy).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                "form-action 'self'").doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(login.getHeaders().get("Content-Security-Policy")).hasSize(1);
        assertThat(again.getHeaders().getFirst("Content-Security-Policy")).isNotEqualTo(policy);
        List<String> scripts = Pattern.compile("<script[^>]*>").matcher(login.getBody()).results()
                .map(MatchResult::group).toList();
        assertThat(scripts).isNotEmpty().allSatisfy(script -> assertThat(script)
                .contains("nonce=\"" + nonce.group(1) + "\""));
        assertThat(login.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void apiResponsesMayLoadNothing() {
        String internal = data.internalUser();

        ResponseEntity<String> api = rest.withBasicAuth(internal, internal).getForEntity("/api/opportunities",
                String.class);
        ResponseEntity<String> anonymous = rest.getForEntity("/api/opportunities", String.class);

        assertThat(api.getHeaders().get("Content-Security-Policy"))
                .containsExactly("default-src 'none'; frame-ancestors 'none'");
        assertThat(anonymous.getHeaders().get("Content-Security-Policy"))
                .containsExactly("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void camundasWebappKeepsItsOwnPolicyAlone() {
        // Camunda accepts only letters and digits in a user id, so not TestData's "test-admin".
        String admin = "cspadmin" + System.nanoTime() % 1_000_000;
        users.create(admin, admin, "CSP admin", admin + "@platform.test", data.admin().companyId(),
                EnumSet.of(Role.ADMIN));
        FormLogin browser = new FormLogin(port);
        assertThat(FormLogin.signedIn(browser.submit(admin, admin, browser.openLoginPage(), Map.of()))).isTrue();

        var cockpit = browser.get("/camunda/app/cockpit/default/");

        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.headers().allValues("Content-Security-Policy")).singleElement()
                .satisfies(policy -> assertThat(policy).contains("'strict-dynamic'").doesNotContain("'self' 'nonce-"));
    }

    @Test
    void anonymousCallersGetA401ProblemDetailWithTheBasicChallenge() throws Exception {
        ResponseEntity<String> response = rest.getForEntity("/actuator/metrics", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"Flowstate\"");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("title").asText()).isEqualTo("Unauthorized");
        assertThat(problem.path("detail").asText()).contains("/actuator/metrics");
    }

    @Test
    void aUserWithoutTheRoleGetsA403ProblemDetailOnTheApiAndTheEngine() throws Exception {
        String partner = data.partnerUser(data.partner(CompanyKind.INSTALLER));

        for (String path : new String[] {"/actuator/metrics", "/engine-rest/deployment"}) {
            ResponseEntity<String> response = rest.withBasicAuth(partner, partner).getForEntity(path, String.class);

            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = json.readTree(response.getBody());
            assertThat(problem.path("status").asInt()).isEqualTo(403);
            assertThat(problem.path("title").asText()).isEqualTo("Forbidden");
            assertThat(problem.path("detail").asText()).contains(partner, path);
        }
    }
}
