package com.flowstate.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.partner.CompanyKind;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * An admin adds an opportunity type, renames it and chooses its flow over {@code /api/admin/opportunity-types}; the
 * next opportunity of the type starts on that flow; bad input is a 400 naming the field; every change is audited.
 */
@IntegrationTest
class OpportunityTypesAdminIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String PATH = "/api/admin/opportunity-types";
    /** A deployed test flow whose first substate just waits (src/test/resources/bpmn/assignment-test-flow.bpmn). */
    private static final String OTHER_FLOW = "AssignmentTestFlow";

    @Autowired TestData data;
    @Autowired OpportunityService opportunities;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;

    @Test
    void aTypeCreatedThenRenamedAndMovedToAnotherFlowStartsItsNextOpportunityOnThatFlow() {
        String key = "rooftop-" + System.nanoTime() % 1_000_000;

        ResponseEntity<Map<String, Object>> created = asAdmin(HttpMethod.POST, PATH,
                Map.of("key", key, "name", "Tetto piano"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("key", key).containsEntry("name", "Tetto piano")
                .containsEntry("flowKey", null);
        assertThat(open(key).flowKey()).isEqualTo("SolarSalesFlow");

        ResponseEntity<Map<String, Object>> edited = asAdmin(HttpMethod.PUT, PATH + "/" + key,
                Map.of("name", "Tetto piano (industriale)", "flowKey", OTHER_FLOW, "position", 5));
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(edited.getBody()).containsEntry("name", "Tetto piano (industriale)")
                .containsEntry("flowKey", OTHER_FLOW).containsEntry("position", 5);

        Opportunity next = open(key);
        assertThat(next.flowKey()).isEqualTo(OTHER_FLOW);
        assertThat(asAdmin(HttpMethod.GET, PATH + "/" + key, null).getBody())
                .containsEntry("name", "Tetto piano (industriale)");
        assertThat(jdbc.sql("select key from opportunity_type order by position, key limit 1").query(String.class)
                .single()).as("position 5 comes before the seeded 10, 20, 30").isEqualTo(key);
    }

    @Test
    void badInputIsA400NamingTheFieldAndAnUnknownTypeA404() {
        String key = "carport-" + System.nanoTime() % 1_000_000;
        assertThat(asAdmin(HttpMethod.POST, PATH, Map.of("key", key, "name", "Pensilina")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        assertField(asAdmin(HttpMethod.POST, PATH, Map.of("key", key, "name", "Again")), "key");
        assertField(asAdmin(HttpMethod.POST, PATH, Map.of("key", "Not A Key", "name", "x")), "key");
        assertField(asAdmin(HttpMethod.POST, PATH, Map.of("key", "x".repeat(1 << 20), "name", "x")), "key");
        assertField(asAdmin(HttpMethod.PUT, PATH + "/" + key, Map.of("name", " ")), "name");
        assertField(asAdmin(HttpMethod.PUT, PATH + "/" + key, Map.of("name", "n".repeat(1 << 20))), "name");
        assertField(asAdmin(HttpMethod.PUT, PATH + "/" + key, Map.of("name", "ok", "flowKey", "NoSuchFlow")),
                "flowKey");
        assertField(asAdmin(HttpMethod.PUT, PATH + "/" + key, Map.of("name", "ok", "position", -1)), "position");
        assertField(asAdmin(HttpMethod.PUT, PATH + "/" + key, Map.of("name", "ok", "position", "first")),
                "position");
        assertThat(asAdmin(HttpMethod.PUT, PATH + "/" + key, Map.of("name", "ok\u0000")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(asAdmin(HttpMethod.PUT, PATH + "/no-such-type", Map.of("name", "ok")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(asAdmin(HttpMethod.GET, PATH + "/no-such-type", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(asAdmin(HttpMethod.GET, PATH + "/" + key, null).getBody()).containsEntry("name", "Pensilina");

        String partner = data.partnerUser(data.partner(CompanyKind.INSTALLER));
        assertThat(rest.withBasicAuth(partner, partner).getForEntity(PATH, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void creatingAndEditingATypeEachLeaveOneAuditRowWithBeforeAndAfter() {
        String key = "battery-" + System.nanoTime() % 1_000_000;

        asAdmin(HttpMethod.POST, PATH, Map.of("key", key, "name", "Accumulo"));
        asAdmin(HttpMethod.PUT, PATH + "/" + key, Map.of("name", "Accumulo domestico", "flowKey", OTHER_FLOW));

        var entries = jdbc.sql("""
                        select change, before::text before, after::text after from audit_entry
                        where area = 'OPPORTUNITY_TYPE' and subject = ? order by id""")
                .param(key).query().listOfRows();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).containsEntry("change", "CREATED").containsEntry("before", null);
        assertThat((String) entries.get(0).get("after")).contains("\"name\": \"Accumulo\"");
        assertThat(entries.get(1)).containsEntry("change", "UPDATED");
        assertThat((String) entries.get(1).get("before")).contains("\"name\": \"Accumulo\"")
                .contains("\"flowKey\": null");
        assertThat((String) entries.get(1).get("after")).contains("\"name\": \"Accumulo domestico\"")
                .contains("\"flowKey\": \"" + OTHER_FLOW + "\"");
    }

    private Opportunity open(String type) {
        String customer = data.unique("Cliente");
        var request = new NewOpportunity(null, customer, customer.toLowerCase() + "@customers.test", null, null,
                null, "20121", "MI", null, null, data.internalUser(), type, null);
        return SystemAuthentication.runAs(data.admin(), () -> opportunities.create(request));
    }

    private ResponseEntity<Map<String, Object>> asAdmin(HttpMethod method, String path, Object body) {
        String admin = data.admin().getUsername();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(admin, admin).exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }

    private static void assertField(ResponseEntity<Map<String, Object>> response, String field) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("fields", Collections.singletonList(field));
    }
}
