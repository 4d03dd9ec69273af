package com.flowstate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * Another site's page cannot make a signed-in browser change anything: not through cached Basic credentials on the
 * API, not by signing the browser in through the login form.
 */
@IntegrationTest
class CrossOriginIT {

    private static final String EVIL = "https://evil.example";

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;

    @Test
    void aCrossOriginPostWithBasicCredentialsIsRefusedAndChangesNothing() throws Exception {
        String internal = data.internalUser();
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), null);
        awaitOpen(internal, opportunity.id(), "NewContact");

        ResponseEntity<String> forged = closeNewContact(internal, opportunity, headers("Origin", EVIL));

        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forged.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(forged.getBody()).path("detail").asText()).contains(EVIL);
        assertThat(openSubstates(internal, opportunity.id())).contains("NewContact");
    }

    @Test
    void theSameRequestWithoutOriginWorksAsItAlwaysDid() {
        String internal = data.internalUser();
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), null);
        awaitOpen(internal, opportunity.id(), "NewContact");

        assertThat(closeNewContact(internal, opportunity, new HttpHeaders()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPageOfThisServerMayPostAndOtherSitesMayRead() {
        String internal = data.internalUser();
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), null);
        awaitOpen(internal, opportunity.id(), "NewContact");

        ResponseEntity<String> read = rest.withBasicAuth(internal, internal).exchange("/api/opportunities/"
                + opportunity.id(), HttpMethod.GET, new HttpEntity<>(headers("Origin", EVIL)), String.class);
        ResponseEntity<String> ownPage = closeNewContact(internal, opportunity,
                headers("Origin", "http://localhost:" + port));

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ownPage.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCrossSiteFetchWithoutOriginIsRefusedToo() {
        String internal = data.internalUser();
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), null);

        assertThat(closeNewContact(internal, opportunity, headers("Sec-Fetch-Site", "cross-site")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void engineRestStateChangesFromAnotherOriginAreRefused() throws Exception {
        String admin = data.admin().getUsername();

        ResponseEntity<String> forged = rest.withBasicAuth(admin, admin).exchange(
                "/engine-rest/process-instance/no-such-instance/suspended", HttpMethod.PUT,
                new HttpEntity<>("{\"suspended\":true}", jsonHeaders("Origin", "null")), String.class);
        ResponseEntity<String> direct = rest.withBasicAuth(admin, admin).exchange(
                "/engine-rest/process-instance/no-such-instance/suspended", HttpMethod.PUT,
                new HttpEntity<>("{\"suspended\":true}", jsonHeaders()), String.class);

        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json.readTree(forged.getBody()).path("title").asText()).isEqualTo("Cross-origin request refused");
        assertThat(direct.getStatusCode()).as("reaches the engine").isNotEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aFormLoginWithoutTheCsrfTokenDoesNotSignIn() {
        String user = data.internalUser();
        FormLogin browser = new FormLogin(port);
        browser.openLoginPage();

        var answer = browser.submit(user, user, null, Map.of());

        assertThat(FormLogin.signedIn(answer)).isFalse();
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/login?expired"));
        assertThat(browser.get("/").statusCode()).as("still anonymous: sent to the login page").isEqualTo(302);
    }

    @Test
    void aFormLoginFromAnotherOriginDoesNotSignInEvenWithAToken() throws Exception {
        String user = data.internalUser();
        FormLogin browser = new FormLogin(port);
        String csrf = browser.openLoginPage();

        var answer = browser.submit(user, user, csrf, Map.of("Origin", EVIL));

        assertThat(FormLogin.signedIn(answer)).isFalse();
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(json.readTree(answer.body()).path("detail").asText()).contains(EVIL);
    }

    @Test
    void theLoginFormWithItsTokenFromThisServersPageSignsIn() {
        String user = data.internalUser();
        FormLogin browser = new FormLogin(port);
        String csrf = browser.openLoginPage();

        var answer = browser.submit(user, user, csrf, Map.of("Origin", "http://localhost:" + port));

        assertThat(FormLogin.signedIn(answer)).as("%s %s", answer.statusCode(), answer.headers().map()).isTrue();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    private ResponseEntity<String> closeNewContact(String user, Opportunity opportunity, HttpHeaders headers) {
        return rest.withBasicAuth(user, user).exchange("/api/opportunities/" + opportunity.id()
                + "/substates/NewContact/close", HttpMethod.POST, new HttpEntity<>(headers), String.class);
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(name, value);
        return headers;
    }

    private static HttpHeaders jsonHeaders(String... nameValue) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        for (int i = 0; i + 1 < nameValue.length; i += 2) {
            headers.set(nameValue[i], nameValue[i + 1]);
        }
        return headers;
    }

    @SuppressWarnings("unchecked")
    private List<String> openSubstates(String user, long id) {
        Map<String, Object> body = rest.withBasicAuth(user, user).getForObject("/api/opportunities/" + id, Map.class);
        return ((List<Map<String, Object>>) body.get("openSubstates")).stream()
                .map(substate -> (String) substate.get("key")).toList();
    }

    private void awaitOpen(String user, long id, String substate) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> openSubstates(user, id).contains(substate));
    }
}
