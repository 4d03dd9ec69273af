package com.flowstate.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

@IntegrationTest
class OpportunityApiIT {

    @Autowired TestData data;
    @Autowired TestRestTemplate rest;

    @Test
    void anInternalUserOpensAnOpportunityAndMovesItThroughItsSubstates() {
        String internal = data.internalUser();
        var installer = data.partner(CompanyKind.INSTALLER);
        TestRestTemplate api = rest.withBasicAuth(internal, internal);

        ResponseEntity<Map> created = api.postForEntity("/api/opportunities", Map.of(
                "customerName", "Rosa Verdi", "customerEmail", "rosa.verdi@customers.test",
                "street", "Via Etnea 1", "city", "Catania", "postalCode", "95131", "province", "ct",
                "installerId", installer.id()), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) ((Map<?, ?>) created.getBody().get("opportunity")).get("id")).longValue();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/opportunities/" + id);

        awaitOpen(api, id, "NewContact");
        var closed = api.postForEntity("/api/opportunities/" + id + "/substates/NewContact/close", null, Map.class);
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitOpen(api, id, "SiteSurvey");

        var notOpen = api.postForEntity("/api/opportunities/" + id + "/substates/NewContact/close", null, Map.class);
        assertThat(notOpen.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notOpen.getBody().get("detail")).isEqualTo("Substate New contact is not open");

        var unknown = api.postForEntity("/api/opportunities/" + id + "/substates/Nope/close", null, Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        var alreadyOpen = api.postForEntity("/api/opportunities/" + id + "/substates/SiteSurvey/open", null, Map.class);
        assertThat(alreadyOpen.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        var reopened = api.postForEntity("/api/opportunities/" + id + "/substates/NewContact/open", null, Map.class);
        assertThat(reopened.getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitOpen(api, id, "NewContact");

        ResponseEntity<List> listed = api.getForEntity("/api/opportunities?q=Rosa Verdi", List.class);
        assertThat(listed.getBody()).extracting(o -> ((Number) ((Map<?, ?>) o).get("id")).longValue()).contains(id);
    }

    @Test
    void anInvalidOpportunityIsRefusedWithTheFieldInTheMessage() {
        String internal = data.internalUser();

        var response = rest.withBasicAuth(internal, internal).postForEntity("/api/opportunities", Map.of(
                "customerName", "Rosa Verdi", "postalCode", "951", "province", "CT"), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anOverLongFieldIsRefusedNamingTheFieldsBeforeItReachesAFlow() {
        String internal = data.internalUser();
        String megabyte = "x".repeat(1_000_000);

        var response = rest.withBasicAuth(internal, internal).postForEntity("/api/opportunities", Map.of(
                "name", megabyte, "customerName", "Rosa Verdi", "city", megabyte, "postalCode", "95131",
                "province", "CT"), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("fields")).isEqualTo(List.of("city", "name"));
        assertThat((String) response.getBody().get("detail")).contains("city: size must be between 0 and 100")
                .contains("name: size must be between 0 and 200");
    }

    @Test
    void aSearchMatchesWildcardsLiterally() {
        String internal = data.internalUser();
        data.opportunity(null, null);

        ResponseEntity<List> percent = rest.withBasicAuth(internal, internal).getForEntity("/api/opportunities?q=%25",
                List.class);
        ResponseEntity<List> underscore = rest.withBasicAuth(internal, internal)
                .getForEntity("/api/opportunities?q=_", List.class);

        assertThat(percent.getBody()).isEmpty();
        assertThat(underscore.getBody()).isEmpty();
    }

    @Test
    void actuatorMetricsAreForAdminsAndHealthForEveryone() {
        var installer = data.partner(CompanyKind.INSTALLER);
        String partner = data.partnerUser(installer);
        String admin = data.admin().getUsername();

        assertThat(rest.withBasicAuth(partner, partner).getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth(admin, admin).getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @SuppressWarnings("unchecked")
    private static void awaitOpen(TestRestTemplate api, long id, String substate) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> body = api.getForObject("/api/opportunities/" + id, Map.class);
            return ((List<Map<String, Object>>) body.get("openSubstates")).stream()
                    .anyMatch(s -> substate.equals(s.get("key")));
        });
    }
}
