package com.flowstate.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * Retention: settings validated (400 naming the field) and audited; a dry run counts and deletes nothing; a purge
 * deletes exactly the expired rows with their children and keeps the rest; only admins reach it.
 */
@IntegrationTest
class RetentionIT {

    private static final Duration SIX_YEARS = Duration.ofDays(6 * 365);
    private static final Duration FOUR_YEARS = Duration.ofDays(4 * 365);

    @Autowired TestRestTemplate rest;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired RetentionJob job;
    @Autowired DataSource dataSource;

    String admin;

    @BeforeEach
    void signIn() {
        admin = data.admin().getUsername();
    }

    @AfterEach
    void restoreDefaults() {
        jdbc.sql("update retention_setting set days = 1826").update();
    }

    @Test
    void daysOutOfRangeAreRefusedNamingTheFieldAndNothingChanges() throws Exception {
        ResponseEntity<String> tooLong = put(Map.of("email", 365, "webhook", 40_000));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(tooLong.getBody());
        assertThat(problem.path("fields").toString()).isEqualTo("[\"webhook\"]");
        assertThat(problem.path("detail").asText()).contains("webhook", "40000", "1 to 36500");

        ResponseEntity<String> auditTooShort = put(Map.of("audit", 30));
        assertThat(auditTooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(auditTooShort.getBody()).path("fields").toString()).isEqualTo("[\"audit\"]");

        assertThat(put(Map.of("history", 10)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(putRaw("{\"email\": \"a year\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(putRaw("{\"email\": 12, \"x\u0000\": 1}").getStatusCode().is4xxClientError()).isTrue();
        assertThat(putRaw("{\"email\": \"" + "9".repeat(1_000_000) + "\"}").getStatusCode().is4xxClientError())
                .isTrue();
        assertThat(days("email")).isEqualTo(1826);
    }

    @Test
    void aChangeIsSavedAndLeavesOneAuditRowWithBeforeAndAfter() throws Exception {
        long auditRows = auditRows();
        ResponseEntity<String> saved = put(Map.of("email", 365, "audit", 3650, "activity", 1826));
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(days("email")).isEqualTo(365);
        assertThat(days("audit")).isEqualTo(3650);

        assertThat(auditRows()).isEqualTo(auditRows + 1);
        Map<String, Object> row = jdbc.sql("""
                        select actor, change, before::text as before, after::text as after from audit_entry
                        where area = 'RETENTION' order by id desc limit 1""").query().singleRow();
        assertThat(row).containsEntry("actor", admin).containsEntry("change", "UPDATED");
        // Only the tabs that changed: activity kept its 1826 days.
        assertThat(json.readTree((String) row.get("before")))
                .isEqualTo(json.readTree("{\"email\": 1826, \"audit\": 1826}"));
        assertThat(json.readTree((String) row.get("after")))
                .isEqualTo(json.readTree("{\"email\": 365, \"audit\": 3650}"));
    }

    @Test
    void aDryRunCountsTheExpiredRowsAndDeletesNothing() throws Exception {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER),
                data.partner(CompanyKind.SELLER));
        String tag = data.unique("dry");
        long expiredBefore = expiredCount("webhook");
        for (int i = 0; i < 3; i++) {
            webhookRow(opportunity, tag + "-old-" + i, SIX_YEARS);
        }
        webhookRow(opportunity, tag + "-recent", FOUR_YEARS);

        ResponseEntity<String> dryRun = rest.withBasicAuth(admin, admin)
                .getForEntity("/api/admin/retention/expired", String.class);
        assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(expiredIn(dryRun.getBody(), "webhook")).isEqualTo(expiredBefore + 3);
        assertThat(jdbc.sql("select count(*) from webhook_history where execution_key like ?").param(tag + "%")
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aPurgeDeletesExactlyTheExpiredRowsWithTheirChildrenAndKeepsTheRest() throws Exception {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER),
                data.partner(CompanyKind.SELLER));
        String tag = data.unique("purge");
        long oldEmail = emailRow(opportunity, tag + "-old", SIX_YEARS, null);
        long keptEmail = emailRow(opportunity, tag + "-kept", FOUR_YEARS, oldEmail);
        for (String key : List.of(tag + "-old", tag + "-kept")) {
            jdbc.sql("insert into action_input (execution_key, action, definition, inputs) values (?, 'email', "
                    + "'{}', '{}')").param(key).update();
            jdbc.sql("insert into action_attempt (execution_key, action, attempt, origin, ended_at, outcome) "
                    + "values (?, 'email', 1, 'FLOW', now(), 'SUCCEEDED')").param(key).update();
            jdbc.sql("insert into email_delivery (execution_key, message_id, recipient_email) values (?, ?, 'a@b.c')")
                    .params(key, "<" + key + "@test>").update();
        }
        long oldExport = exportRow(tag + "-export-old", SIX_YEARS);
        long keptExport = exportRow(tag + "-export-kept", FOUR_YEARS);
        long oldAudit = jdbc.sql("insert into audit_entry (at, actor, area, subject, change) values (?, 'x', "
                        + "'PARTNER', ?, 'CREATED') returning id")
                .params(Timestamp.from(Instant.now().minus(SIX_YEARS)), tag).query(Long.class).single();
        long auditRows = auditRows();

        ResponseEntity<String> purged = rest.withBasicAuth(admin, admin)
                .postForEntity("/api/admin/retention/purge", null, String.class);

        assertThat(purged.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exists("email_history", oldEmail)).isFalse();
        assertThat(exists("email_history", keptEmail)).isTrue();
        assertThat(jdbc.sql("select count(*) from email_history where id = ? and resend_of is null").param(keptEmail)
                .query(Long.class).single()).isOne();
        for (String table : List.of("action_input", "action_attempt", "email_delivery")) {
            assertThat(keys(table, tag)).as(table).containsExactly(tag + "-kept");
        }
        assertThat(exists("export_history", oldExport)).isFalse();
        assertThat(exists("export_history", keptExport)).isTrue();
        assertThat(jdbc.sql("select count(*) from export_file_chunk c join export_file f on f.id = c.file_id "
                + "where f.history_id in (?, ?)").params(oldExport, keptExport).query(Long.class).single())
                .isEqualTo(1);
        assertThat(exists("audit_entry", oldAudit)).isFalse();
        // The run itself is audited: one more row than before, less the old one purged.
        assertThat(auditRows()).isEqualTo(auditRows);
        Map<String, Object> run = jdbc.sql("""
                        select actor, subject, change, after::text as after from audit_entry
                        where area = 'RETENTION' and change = 'EXECUTED' order by id desc limit 1""")
                .query().singleRow();
        assertThat(run).containsEntry("actor", admin).containsEntry("subject", "Purge");
        assertThat(json.readTree((String) run.get("after")).path("email").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(json.readTree(purged.getBody()).findValues("tab")).hasSize(RetentionTab.values().length);
    }

    @Test
    void theNightlyJobPurgesWithNoUserSignedInAndLeavesNoAuditRow() {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER),
                data.partner(CompanyKind.SELLER));
        String tag = data.unique("nightly");
        webhookRow(opportunity, tag + "-old", SIX_YEARS);
        webhookRow(opportunity, tag + "-recent", FOUR_YEARS);
        long auditRows = auditRows();

        job.nightly();

        assertThat(keys("webhook_history", tag)).containsExactly(tag + "-recent");
        assertThat(auditRows()).isEqualTo(auditRows);
    }

    @Test
    void whileAnotherNodeHoldsThePurgeLockAPurgeIsRefusedWith409AndTheNightlyOneSkips() throws Exception {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER),
                data.partner(CompanyKind.SELLER));
        String tag = data.unique("locked");
        webhookRow(opportunity, tag + "-old", SIX_YEARS);
        try (Connection otherNode = dataSource.getConnection()) {
            try (var lock = otherNode.prepareStatement("select pg_advisory_lock(" + RetentionPurge.LOCK + ")")) {
                lock.execute();
            }
            ResponseEntity<String> refused = rest.withBasicAuth(admin, admin)
                    .postForEntity("/api/admin/retention/purge", null, String.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(json.readTree(refused.getBody()).path("detail").asText()).contains("already running");
            job.nightly();
            assertThat(keys("webhook_history", tag)).containsExactly(tag + "-old");
            try (var unlock = otherNode.prepareStatement("select pg_advisory_unlock(" + RetentionPurge.LOCK + ")")) {
                unlock.execute();
            }
        }
        job.nightly();
        assertThat(keys("webhook_history", tag)).isEmpty();
    }

    @Test
    void partnersAndInternalUsersGet403() {
        String partner = data.partnerUser(data.partner(CompanyKind.INSTALLER));
        String internal = data.internalUser();
        for (String user : List.of(partner, internal)) {
            assertThat(rest.withBasicAuth(user, user).getForEntity("/api/admin/retention", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(rest.withBasicAuth(user, user).postForEntity("/api/admin/retention/purge", null,
                    String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(rest.withBasicAuth(user, user).getForEntity("/api/admin/audit", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(rest.withBasicAuth(admin, admin).getForEntity("/api/admin/retention", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private ResponseEntity<String> put(Map<String, Integer> days) throws Exception {
        return putRaw(json.writeValueAsString(days));
    }

    private ResponseEntity<String> putRaw(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(admin, admin).exchange("/api/admin/retention", HttpMethod.PUT,
                new HttpEntity<>(body, headers), String.class);
    }

    private int days(String tab) {
        return jdbc.sql("select days from retention_setting where tab = ?").param(tab).query(Integer.class).single();
    }

    private long auditRows() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }

    private long expiredCount(String tab) throws Exception {
        return expiredIn(rest.withBasicAuth(admin, admin).getForEntity("/api/admin/retention/expired", String.class)
                .getBody(), tab);
    }

    private long expiredIn(String body, String tab) throws Exception {
        for (JsonNode row : json.readTree(body)) {
            if (row.path("tab").asText().equals(tab)) {
                return row.path("count").asLong();
            }
        }
        throw new AssertionError("No dry-run row for " + tab + ": " + body);
    }

    private boolean exists(String table, long id) {
        return jdbc.sql("select count(*) from " + table + " where id = ?").param(id).query(Long.class).single() > 0;
    }

    private List<String> keys(String table, String tag) {
        return jdbc.sql("select execution_key from " + table + " where execution_key like ? order by 1")
                .param(tag + "%").query(String.class).list();
    }

    private long emailRow(Opportunity opportunity, String key, Duration age, Long resendOf) {
        return jdbc.sql("""
                        insert into email_history (execution_key, opportunity_id, process_instance_id, activity_id,
                            template_name, smtp_credential_name, status, created_at, resend_of)
                        values (?, ?, 'pi', 'SendEmail', 'welcome', 'Platform SMTP', 'SUCCEEDED', ?, ?)
                        returning id""")
                .params(key, opportunity.id(), Timestamp.from(Instant.now().minus(age)), resendOf)
                .query(Long.class).single();
    }

    private void webhookRow(Opportunity opportunity, String key, Duration age) {
        jdbc.sql("""
                        insert into webhook_history (execution_key, opportunity_id, process_instance_id, activity_id,
                            url, event_name, status, created_at)
                        values (?, ?, 'pi', 'CallWebhook', 'https://erp.example/hook', 'test', 'SUCCEEDED', ?)""")
                .params(key, opportunity.id(), Timestamp.from(Instant.now().minus(age))).update();
    }

    private long exportRow(String key, Duration age) {
        long id = jdbc.sql("""
                        insert into export_history (execution_key, process_instance_id, activity_id, template_name,
                            status, created_at)
                        values (?, 'pi', 'RunExport', 'monthly', 'SUCCEEDED', ?) returning id""")
                .params(key, Timestamp.from(Instant.now().minus(age))).query(Long.class).single();
        long file = jdbc.sql("""
                        insert into export_file (history_id, file_name, content_type, file_size, row_count)
                        values (?, 'x.csv', 'text/csv', 1, 1) returning id""").param(id).query(Long.class).single();
        jdbc.sql("insert into export_file_chunk (file_id, seq, data) values (?, 0, ?)").params(file, new byte[] {1})
                .update();
        return id;
    }
}
