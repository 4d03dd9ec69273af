package com.flowstate.action.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.action.TemplateUsingFlow;
import com.flowstate.action.report.SampleReportTemplate;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.support.DesignersFlow;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** Admins manage export templates over /api/admin/export-templates; every change is audited and rescheduled. */
@IntegrationTest
class ExportTemplateAdminIT {

    private static final String API = "/api/admin/export-templates";

    @Autowired TestData data;
    @Autowired DesignersFlow designersFlow;
    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    @Test
    void anAdminCreatesAndEditsATemplateAndEachChangeLeavesOneAuditRowWithBeforeAndAfter() throws Exception {
        String name = data.unique("weekly-offers");
        Map<String, Object> created = template(name, "0 0 7 * * MON");

        ResponseEntity<String> create = send(HttpMethod.POST, API, created);
        Map<String, Object> edited = template(name, "0 30 8 * * MON-FRI");
        edited.put("columns", List.of("city", "opportunity", "id"));
        edited.put("maxRows", 500);
        ResponseEntity<String> update = send(HttpMethod.PUT, API + "/" + name, edited);
        ResponseEntity<String> read = admin().getForEntity(API + "/" + name, String.class);

        assertThat(create.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(update.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode saved = json.readTree(read.getBody());
        assertThat(saved.get("scheduleCron").asText()).isEqualTo("0 30 8 * * MON-FRI");
        assertThat(saved.get("columns").toString()).isEqualTo("[\"city\",\"opportunity\",\"id\"]");
        assertThat(saved.get("maxRows").asInt()).isEqualTo(500);
        List<Map<String, Object>> audit = auditRows(name);
        assertThat(audit).extracting(row -> row.get("change")).containsExactly("CREATED", "UPDATED");
        assertThat(audit.get(0).get("actor")).isEqualTo("test-admin");
        assertThat(audit.get(0).get("before")).isNull();
        assertThat(json.readTree((String) audit.get(0).get("after")).get("scheduleCron").asText())
                .isEqualTo("0 0 7 * * MON");
        JsonNode before = json.readTree((String) audit.get(1).get("before"));
        JsonNode after = json.readTree((String) audit.get(1).get("after"));
        assertThat(before.get("scheduleCron").asText()).isEqualTo("0 0 7 * * MON");
        assertThat(after.get("scheduleCron").asText()).isEqualTo("0 30 8 * * MON-FRI");
        assertThat(after.get("maxRows").asInt()).isEqualTo(500);
    }

    @Test
    void aSavedScheduleChangeRedeploysTheScheduleAndClearingItSuspendsIt() {
        String name = data.unique("nightly");
        Instant beforeSave = Instant.now();
        send(HttpMethod.POST, API, template(name, "0 0 2 * * ?"));
        String key = ExportSchedules.processKey(templateId(name));
        assertThat(timerCycle(key)).isEqualTo("0 0 2 * * ?");
        Job timer = management.createJobQuery().processDefinitionKey(key).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).as("the engine's first run is the first one shown")
                .isEqualTo(ExportTemplateAdmin.nextRuns("0 0 2 * * ?", beforeSave).get(0));
        assertThat(timer.getDuedate().toInstant().atZone(ZoneId.of("Europe/Rome")).getHour()).isEqualTo(2);

        send(HttpMethod.PUT, API + "/" + name, template(name, "0 45 23 * * SUN"));
        assertThat(timerCycle(key)).isEqualTo("0 45 23 * * SUN");
        assertThat(latest(key).isSuspended()).isFalse();

        send(HttpMethod.PUT, API + "/" + name, template(name, null));
        assertThat(latest(key).isSuspended()).isTrue();
    }

    @Test
    void eachWrongFieldIsRefusedWith400NamingTheFieldAndNothingIsSaved() {
        String name = data.unique("wrong");

        assertField(template(name, "every morning"), "scheduleCron");
        assertField(with(template(name, null), "columns", List.of("opportunity", "shoeSize")), "columns");
        assertField(with(template(name, null), "filter", Map.of("status", true)), "filter.status");
        assertField(with(template(name, "0 0 7 * * ?"), "recipient", "INSTALLER"), "recipient");
        assertField(with(template(name, null), "recipient", "not an address"), "recipient");
        assertField(with(template(name, null), "smtpCredentialName", "No such account"), "smtpCredentialName");
        assertField(with(template(name, null), "maxRows", 0), "maxRows");
        assertField(with(template(name, null), "name", "x".repeat(1_000_000)), "name");
        assertField(with(template(name, null), "name", "bad\u0001name"), "name");
        assertField(with(template(name, null), "exportType", null), "exportType");

        assertThat(admin().getForEntity(API + "/" + name, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(auditRows(name)).isEmpty();
    }

    @Test
    void hostileRequestsGetAClear4xxNeverA500() {
        String name = data.unique("hostile");

        var wrongType = send(HttpMethod.POST, API, with(template(name, null), "maxRows", "lots"));
        var unknownType = send(HttpMethod.POST, API, with(template(name, null), "exportType", "INVOICES"));
        var nul = send(HttpMethod.POST, API, with(template(name, null), "recipient", "a\u0000@example.com"));
        var unknownTemplate = send(HttpMethod.PUT, API + "/" + data.unique("missing"), template(name, null));
        var unknownDelete = admin().exchange(API + "/" + data.unique("missing"), HttpMethod.DELETE, null,
                String.class);
        var duplicate = send(HttpMethod.POST, API, template(name, null));
        var again = send(HttpMethod.POST, API, template(name, null));

        assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongType.getBody()).contains("maxRows");
        assertThat(unknownType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownType.getBody()).contains("exportType");
        assertThat(nul.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownTemplate.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownDelete.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody()).contains("\"field\":\"name\"");
    }

    @Test
    void aPartnerIsRefused403() {
        String partner = data.partnerUser(data.partner(CompanyKind.INSTALLER));

        var list = rest.withBasicAuth(partner, partner).getForEntity(API, String.class);

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aTemplateADeployedFlowRunsCannotBeDeletedAndTheRefusalNamesTheFlow() {
        designersFlow.fixtures();
        String name = data.unique("in-use");
        send(HttpMethod.POST, API, template(name, "0 0 6 * * ?"));
        String key = ExportSchedules.processKey(templateId(name));

        ResponseEntity<String> refused;
        String flowName;
        try (TemplateUsingFlow flow = TemplateUsingFlow.deploy(repository, designersFlow, name,
                SampleReportTemplate.NAME, name)) {
            flowName = flow.name();
            refused = admin().exchange(API + "/" + name, HttpMethod.DELETE, null, String.class);
        }
        var deleted = admin().exchange(API + "/" + name, HttpMethod.DELETE, null, String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).contains(flowName);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(admin().getForEntity(API + "/" + name, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(latest(key).isSuspended()).as("its schedule stops").isTrue();
        assertThat(auditRows(name)).extracting(row -> row.get("change")).containsExactly("CREATED", "DELETED");
    }

    @Test
    void aTemplateOnlyItsOwnScheduleRunsIsNotInUse() {
        String name = data.unique("scheduled-only");
        send(HttpMethod.POST, API, template(name, "0 0 5 * * ?"));
        String key = ExportSchedules.processKey(templateId(name));
        boolean scheduled = !latest(key).isSuspended();

        var deleted = admin().exchange(API + "/" + name, HttpMethod.DELETE, null, String.class);

        assertThat(scheduled).as("its schedule, a process naming it, runs").isTrue();
        assertThat(deleted.getStatusCode()).as(deleted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(latest(key).isSuspended()).as("its schedule stops").isTrue();
    }

    @Test
    void theNextThreeRunsAreShownInRomeTimeAndAnInvalidCronIsRefusedAtItsField() throws Exception {
        var runs = admin().getForEntity(API + "/next-runs?cron={cron}", String.class, "0 0 7 * * ?");
        var invalid = admin().getForEntity(API + "/next-runs?cron={cron}", String.class, "0 0 25 * * ?");

        assertThat(runs.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(runs.getBody());
        assertThat(body.get("zone").asText()).isEqualTo("Europe/Rome");
        assertThat(body.get("runs")).hasSize(3);
        List<OffsetDateTime> times = List.of(OffsetDateTime.parse(body.get("runs").get(0).asText()),
                OffsetDateTime.parse(body.get("runs").get(1).asText()),
                OffsetDateTime.parse(body.get("runs").get(2).asText()));
        assertThat(times).isSorted();
        assertThat(times.get(0)).isAfter(OffsetDateTime.now());
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody()).contains("\"field\":\"cron\"");
    }

    @Test
    void maxRowsLimitsTheExportsQueryAndTheTypesListTheirRealColumns() {
        ExportTemplate limited = ExportTemplate.of("limited", ExportType.ACTIVITIES, ExportExtension.CSV,
                "ops@example.com", "x").withMaxRows(25);

        ExportQuery query = ExportQuery.of(limited, PartnerScope.everything());
        List<ExportTypeColumns> types = admin().exchange(API + "/types", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<ExportTypeColumns>>() {
                }).getBody();

        assertThat(query.sql()).endsWith(" limit ?");
        assertThat(query.params()).last().isEqualTo(25);
        assertThat(types).extracting(ExportTypeColumns::type).containsExactly(ExportType.values());
        assertThat(types.get(1).columns()).extracting(ExportTypeColumns.Column::key)
                .isEqualTo(ExportDataset.of(ExportType.ACTIVITIES).columnKeys());
        assertThat(types.get(1).filters()).containsExactly("activityType", "completed");
    }

    private void assertField(Map<String, Object> template, String field) {
        ResponseEntity<String> response = send(HttpMethod.POST, API, template);
        assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).as(field).contains("\"field\":\"" + field + "\"");
    }

    private Map<String, Object> template(String name, String cron) {
        data.flowFixtures();
        Map<String, Object> template = new java.util.HashMap<>();
        template.put("name", name);
        template.put("exportType", "OPPORTUNITIES");
        template.put("columns", List.of());
        template.put("filter", Map.of("provinces", List.of("MI")));
        template.put("extension", "XLSX");
        template.put("recipient", "reports@platform.test");
        template.put("smtpCredentialName", TestData.WORKING_SMTP);
        template.put("scheduleCron", cron);
        return template;
    }

    private static Map<String, Object> with(Map<String, Object> template, String field, Object value) {
        template.put(field, value);
        return template;
    }

    private ResponseEntity<String> send(HttpMethod method, String path, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = admin().exchange(path, method, new HttpEntity<>(body, headers),
                String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isLessThan(500);
        return response;
    }

    private TestRestTemplate admin() {
        data.admin();
        return rest.withBasicAuth("test-admin", "test-admin");
    }

    private long templateId(String name) {
        return jdbc.sql("select id from export_template where name = ?").param(name).query(Long.class).single();
    }

    private ProcessDefinition latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private String timerCycle(String key) {
        return repository.getBpmnModelInstance(latest(key).getId()).getModelElementsByType(TimeCycle.class)
                .iterator().next().getTextContent();
    }

    private List<Map<String, Object>> auditRows(String subject) {
        return jdbc.sql("""
                        select actor, change, before::text as before, after::text as after from audit_entry
                        where area = 'EXPORT_TEMPLATE' and subject = ? order by id""")
                .param(subject).query().listOfRows();
    }
}
