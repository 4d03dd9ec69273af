package com.flowstate.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.flowstate.support.DesignersFlow;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * A new version of a flow takes new opportunities while running ones stay on theirs, until an admin migrates them:
 * a dry run first lists what cannot be mapped and changes nothing; the migration moves the opportunities that can
 * move, logs each in the Substates tab, and they go on in the new version.
 */
@IntegrationTest
class FlowMigrationIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired TestRestTemplate rest;
    @Autowired TestData data;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired DesignersFlow flow;

    @Test
    @SuppressWarnings("unchecked")
    void aDryRunListsWhatCannotMoveThenTheMigrationMovesTheRestAndLogsIt() {
        flow.fixtures();
        String key = "MigrationFlow" + Math.abs(System.nanoTime() % 1_000_000);
        String v1 = flow.bpmn().replace("id=\"InstallationFlow\"", "id=\"" + key + "\"");
        // Version 2 renames Handover's wait state: an opportunity waiting there cannot be mapped.
        String v2 = v1.replace("Handover_Open", "Handover_Waiting");
        deploy(key, v1);
        String internal = data.internalUser();
        String admin = data.admin().getUsername();
        long inBooking = create(internal, key);
        long inHandover = create(internal, key);
        awaitOpen(internal, inBooking, "Booking");
        awaitOpen(internal, inHandover, "Booking");
        close(internal, inHandover, "Booking");
        awaitOpen(internal, inHandover, "Installation");
        close(internal, inHandover, "Installation");
        awaitOpen(internal, inHandover, "Handover");
        deploy(key, v2);
        long onVersionTwo = create(internal, key);
        assertThat(opportunity(internal, onVersionTwo)).containsEntry("flowVersion", 2);

        Map<String, Object> dryRun = migrate(admin, key, true).getBody();

        assertThat(dryRun).containsEntry("plannable", true).containsEntry("migrated", 0);
        assertThat(unmappedOf(dryRun, inBooking)).isEmpty();
        assertThat(unmappedOf(dryRun, inHandover)).containsExactly("Handover_Open");
        assertThat(opportunity(internal, inBooking)).containsEntry("flowVersion", 1);

        String designer = data.designerUser();
        assertThat(migrate(designer, key, false).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Map<String, Object> migration = migrate(admin, key, false).getBody();

        assertThat(migration).containsEntry("migrated", 1);
        assertThat(opportunity(internal, inBooking)).containsEntry("flowVersion", 2);
        assertThat(opportunity(internal, inHandover)).containsEntry("flowVersion", 1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(inBooking))
                .singleResult().getProcessDefinitionId()).startsWith(key + ":2:");
        List<?> logged = (List<?>) rest.withBasicAuth(admin, admin).exchange("/api/history/substates?opportunityId="
                + inBooking + "&changeType=MIGRATE", HttpMethod.GET, null, JSON).getBody().get("items");
        assertThat(logged).singleElement().satisfies(row -> assertThat((Map<Object, Object>) row)
                .containsEntry("targetSubstateName", key + " v1 → v2").containsEntry("manual", true)
                .containsEntry("changedBy", admin).containsEntry("status", true));

        close(internal, inBooking, "Booking");
        awaitOpen(internal, inBooking, "Installation");
    }

    private ResponseEntity<Map<String, Object>> migrate(String user, String key, boolean dryRun) {
        return rest.withBasicAuth(user, user).exchange("/api/flows/" + key + "/migrations", HttpMethod.POST,
                new HttpEntity<>(Map.of("fromVersion", 1, "toVersion", 2, "dryRun", dryRun)), JSON);
    }

    private static List<Object> unmappedOf(Map<String, Object> report, long opportunityId) {
        return ((List<?>) report.get("opportunities")).stream().map(o -> (Map<?, ?>) o)
                .filter(o -> ((Number) o.get("opportunityId")).longValue() == opportunityId)
                .map(o -> ((List<?>) o.get("unmapped")).stream().map(Object.class::cast).toList()).findFirst()
                .orElseThrow();
    }

    private void deploy(String key, String bpmn) {
        repository.createDeployment().name(key).addString(key + ".bpmn", bpmn).deploy();
    }

    private long create(String user, String flowKey) {
        String customer = data.unique("Cliente");
        Map<String, Object> body = new HashMap<>(Map.of("customerName", customer, "postalCode", "20121",
                "province", "MI", "ownerUsername", user, "flowKey", flowKey));
        ResponseEntity<Map<String, Object>> created = rest.withBasicAuth(user, user).exchange("/api/opportunities",
                HttpMethod.POST, new HttpEntity<>(body), JSON);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return ((Number) ((Map<?, ?>) created.getBody().get("opportunity")).get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> opportunity(String user, long id) {
        return (Map<String, Object>) rest.withBasicAuth(user, user)
                .exchange("/api/opportunities/" + id, HttpMethod.GET, null, JSON).getBody().get("opportunity");
    }

    private void close(String user, long id, String substate) {
        assertThat(rest.withBasicAuth(user, user).postForEntity("/api/opportunities/" + id + "/substates/" + substate
                + "/close", null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void awaitOpen(String user, long id, String substate) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<?> open = (List<?>) rest.withBasicAuth(user, user)
                    .exchange("/api/opportunities/" + id, HttpMethod.GET, null, JSON).getBody().get("openSubstates");
            assertThat(open.stream().map(s -> String.valueOf(((Map<?, ?>) s).get("key"))).toList()).contains(substate);
        });
    }
}
