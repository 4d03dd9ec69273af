package com.flowstate.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditTrail;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * The audit trail's read side: newest first, filtered like a history tab, keyset pages, bad paging input refused with
 * 400; every flow deployment is in it with who deployed it and what it created.
 */
@IntegrationTest
class AuditQueryIT {

    @Autowired TestRestTemplate rest;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail trail;
    @Autowired TransactionTemplate transactions;
    @Autowired ObjectMapper json;

    @Test
    void filtersPageNewestFirstAndShowSecretsMasked() throws Exception {
        String admin = data.admin().getUsername();
        String tag = data.unique("relay");
        SystemAuthentication.runAs(data.admin(), () -> transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                trail.record(AuditArea.SMTP_ACCOUNT, tag + "-" + i, AuditChange.UPDATED,
                        Map.of("host", "old" + i, "password", "hunter2"), Map.of("host", "new" + i,
                                "password", "swordfish"));
            }
            trail.record(AuditArea.PARTNER, tag + "-partner", AuditChange.CREATED, null, Map.of("name", tag));
        }));

        JsonNode first = get(admin, "/api/admin/audit?subject=" + tag + "&area=SMTP_ACCOUNT&size=2");
        assertThat(subjects(first)).containsExactly(tag + "-4", tag + "-3");
        assertThat(first.path("items").get(0).path("actor").asText()).isEqualTo(admin);
        assertThat(first.path("items").get(0).path("before").path("password").asText()).isEqualTo(AuditTrail.MASK);
        assertThat(first.toString()).doesNotContain("hunter2", "swordfish");

        List<String> all = new ArrayList<>(subjects(first));
        String cursor = first.path("nextCursor").asText();
        while (!cursor.isEmpty() && !cursor.equals("null")) {
            JsonNode page = get(admin, "/api/admin/audit?subject=" + tag + "&area=SMTP_ACCOUNT&size=2&cursor="
                    + cursor);
            all.addAll(subjects(page));
            cursor = page.path("nextCursor").isNull() ? "" : page.path("nextCursor").asText();
        }
        assertThat(all).containsExactly(tag + "-4", tag + "-3", tag + "-2", tag + "-1", tag + "-0");

        assertThat(subjects(get(admin, "/api/admin/audit?subject=" + tag + "&change=CREATED")))
                .containsExactly(tag + "-partner");
        assertThat(subjects(get(admin, "/api/admin/audit?subject=" + tag + "&actor=" + admin.substring(2, 8)
                + "&area=PARTNER"))).containsExactly(tag + "-partner");
        assertThat(subjects(get(admin, "/api/admin/audit?subject=" + tag + "&actor=nobody-at-all"))).isEmpty();
        String today = LocalDate.now(ZoneId.of("Europe/Rome")).toString();
        assertThat(subjects(get(admin, "/api/admin/audit?subject=" + tag + "&from=" + today + "&to=" + today)))
                .hasSize(6);
        assertThat(subjects(get(admin, "/api/admin/audit?subject=" + tag + "&to=2020-01-01"))).isEmpty();
        assertThat(subjects(get(admin, "/api/admin/audit?subject=" + tag + "&sort=subject,asc")).get(0))
                .isEqualTo(tag + "-0");
    }

    @Test
    void badPagingAndFilterInputIsA400NeverA500() {
        String admin = data.admin().getUsername();
        for (String query : List.of("sort=password", "sort=createdAt,sideways", "size=0", "size=501", "size=abc",
                "cursor=not-a-cursor", "area=NOWHERE", "change=EXPLODED",
                "from=yesterday", "from=0001-01-01", "cursor=AAAA", "actor=" + "x".repeat(100_000))) {
            ResponseEntity<String> response = rest.withBasicAuth(admin, admin)
                    .getForEntity("/api/admin/audit?" + query, String.class);
            assertThat(response.getStatusCode().value()).as(query.substring(0, Math.min(query.length(), 40)))
                    .isBetween(400, 499);
        }
        // A cursor of another sort.
        SystemAuthentication.runAs(data.admin(), () -> transactions.executeWithoutResult(status -> {
            trail.record(AuditArea.USER, "cursor-a", AuditChange.CREATED, null, Map.of("a", 1));
            trail.record(AuditArea.USER, "cursor-b", AuditChange.CREATED, null, Map.of("a", 1));
        }));
        JsonNode page = rest.withBasicAuth(admin, admin).getForObject("/api/admin/audit?size=1", JsonNode.class);
        String cursor = page.path("nextCursor").asText();
        assertThat(rest.withBasicAuth(admin, admin).getForEntity("/api/admin/audit?size=1&sort=actor&cursor="
                + cursor, String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aFlowDeployedThroughTheEngineRestApiIsAuditedWithItsDeployerAndVersions() throws Exception {
        String designer = data.designerUser();
        String key = "AuditedFlow" + Math.abs(System.nanoTime() % 1_000_000);
        ResponseEntity<String> deployed = deploy(designer, key);
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        String deploymentId = json.readTree(deployed.getBody()).path("id").asText();

        Map<String, Object> row = jdbc.sql("""
                        select actor, area, subject, change, before::text as before, after::text as after
                        from audit_entry where area = 'DEPLOYMENT' and after ->> 'deploymentId' = ?""")
                .param(deploymentId).query().singleRow();
        assertThat(row).containsEntry("actor", designer).containsEntry("subject", key + ".bpmn")
                .containsEntry("change", "DEPLOYED");
        assertThat(row.get("before")).isNull();
        JsonNode after = json.readTree((String) row.get("after"));
        assertThat(after.path("processes").toString()).isEqualTo("[\"" + key + ":1\"]");
        assertThat(after.path("resources").toString()).isEqualTo("[\"" + key + ".bpmn\"]");
        assertThat(after.path("source").asText()).isEqualTo("Camunda Modeler");

        // A refused deployment leaves no row.
        long rows = jdbc.sql("select count(*) from audit_entry where area = 'DEPLOYMENT'").query(Long.class).single();
        assertThat(deployRaw(designer, key + "-bad.bpmn", "<not-bpmn/>").getStatusCode().is4xxClientError()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_entry where area = 'DEPLOYMENT'").query(Long.class).single())
                .isEqualTo(rows);
    }

    private JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth(user, user).getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private static List<String> subjects(JsonNode page) {
        List<String> subjects = new ArrayList<>();
        page.path("items").forEach(item -> subjects.add(item.path("subject").asText()));
        return subjects;
    }

    private ResponseEntity<String> deploy(String user, String key) {
        return deployRaw(user, key + ".bpmn", """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="ToEnd" sourceRef="Start" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key));
    }

    private ResponseEntity<String> deployRaw(String user, String fileName, String content) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", fileName);
        body.add("deployment-source", "Camunda Modeler");
        body.add("data", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, user)
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
    }
}
