package com.flowstate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.action.email.EmailHistoryRow;
import com.flowstate.action.export.EmailHistoryExportText;
import com.flowstate.action.export.ExportExtension;
import com.flowstate.action.export.ExportTemplate;
import com.flowstate.action.export.ExportTemplateService;
import com.flowstate.action.export.ExportType;
import com.flowstate.history.ActionStatus;
import com.flowstate.i18n.Reason;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.EmailHistoryRows;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * SMTP accounts as admins manage them over REST: validation, the connection test, edits taking effect for the next
 * e-mail, deletion refused while something sends through the account, the audit trail, and a password that never
 * comes back out.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SmtpAccountsIT {

    private static final String API = "/api/admin/smtp-accounts";

    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;
    @Autowired MailSink sink;
    @Autowired RepositoryService repository;
    @Autowired EmailHistoryQuery emailHistory;
    @Autowired ExportTemplateService exportTemplates;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;

    GreenMail relay;
    String relayUser;
    String relayPassword;
    String admin;

    @BeforeEach
    void relayThatWantsAPassword() {
        data.flowFixtures();
        admin = data.admin().getUsername();
        relayUser = data.unique("relay-user");
        relayPassword = data.unique("Pw-" + Long.toHexString(System.nanoTime()));
        relay = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        relay.start();
        relay.setUser(relayUser + "@relay.test", relayUser, relayPassword);
    }

    @AfterEach
    void stopRelay() {
        relay.stop();
    }

    @Test
    void testConnectionAuthenticatesAgainstTheServerAndSendsTheTestMessage() throws Exception {
        long id = id(create(account(data.unique("Relay"), relay.getSmtp().getPort(), relayUser, relayPassword)));

        Map<String, Object> result = post(API + "/" + id + "/test", Map.of("recipient", "admin@platform.test"));

        assertThat(result).containsEntry("succeeded", true).containsEntry("messageSent", true)
                .containsEntry("reason", null);
        assertThat((String) result.get("serverReply")).startsWith("235").contains("/ 250");
        assertThat(relay.getReceivedMessages()).singleElement()
                .satisfies(message -> assertThat(message.getSubject()).contains("test message"));
    }

    @Test
    void testConnectionWithAWrongPasswordSaysTheServerRefusedTheCredentials() throws Exception {
        long id = id(create(account(data.unique("Relay"), relay.getSmtp().getPort(), relayUser, "not-it")));

        Map<String, Object> result = post(API + "/" + id + "/test", null);

        assertThat(result).containsEntry("succeeded", false);
        assertThat((String) result.get("serverReply")).startsWith("535");
        assertThat(reason(result).in(Locale.ENGLISH)).contains("refused the credentials");
    }

    @Test
    void testConnectionToAClosedPortFailsWithAReadableReasonInItalianAndEnglish(CapturedOutput log)
            throws Exception {
        String name = data.unique("Closed");
        long id = id(create(account(name, closedPort(), null, null)));

        Map<String, Object> result = post(API + "/" + id + "/test", null);

        assertThat(result).containsEntry("succeeded", false).containsEntry("messageSent", false);
        Reason reason = reason(result);
        assertThat(reason.in(Locale.ENGLISH)).contains(name).contains("is unreachable: connection refused");
        assertThat(reason.in(Locale.ITALIAN)).contains(name).contains("non è raggiungibile: connessione rifiutata");
        assertThat(log.getAll()).contains("SMTP account '" + name + "' test failed")
                .doesNotContain("MailConnectException").doesNotContain("\tat org.eclipse.angus");
    }

    @Test
    void anEditedHostAndPortIsUsedByTheNextEmail() throws Exception {
        String name = data.unique("Moving relay");
        Map<String, Object> created = create(account(name, relay.getSmtp().getPort(), relayUser, relayPassword));
        Opportunity opportunity = data.opportunity(null, null);

        data.startEmailTestFlow(opportunity, "welcome", name, "CUSTOMER", null, false);
        EmailHistoryRows.awaitRow(emailHistory, opportunity.id(), "welcome",
                row -> row.action().state() == ActionStatus.SUCCEEDED);
        assertThat(relay.getReceivedMessages()).hasSize(1);

        Map<String, Object> moved = account(name, sink.port(), null, null);
        ResponseEntity<Map<String, Object>> edited = exchange(HttpMethod.PUT, API + "/" + id(created), moved);
        assertThat(edited.getStatusCode().value()).isEqualTo(200);
        assertThat(edited.getBody()).containsEntry("port", sink.port()).containsEntry("passwordSet", false);

        Opportunity next = data.opportunity(null, null);
        data.startEmailTestFlow(next, "welcome", name, "CUSTOMER", null, false);
        EmailHistoryRow sent = EmailHistoryRows.awaitRow(emailHistory, next.id(), "welcome",
                row -> row.action().state() == ActionStatus.SUCCEEDED);
        assertThat(sink.received()).anySatisfy(message ->
                assertThat(message.getMessageID()).isEqualTo(sent.messageId()));
        assertThat(relay.getReceivedMessages()).as("the old server got nothing more").hasSize(1);
    }

    @Test
    void deletingAnAccountThatAFlowAndAnExportTemplateSendThroughIsRefusedNamingThem() throws Exception {
        String name = data.unique("Busy relay");
        long id = id(create(account(name, sink.port(), null, null)));
        String flowKey = "SmtpUse" + Math.abs(System.nanoTime() % 1_000_000);
        repository.createDeployment().name(flowKey).addString(flowKey + ".bpmn", emailFlowSendingThrough(flowKey,
                name)).deploy();
        String template = data.unique("export-through");
        exportTemplates.save(ExportTemplate.of(template, ExportType.OPPORTUNITIES, ExportExtension.CSV, "INSTALLER",
                name));

        ResponseEntity<Map<String, Object>> refused = exchange(HttpMethod.DELETE, API + "/" + id, null);
        Map<String, Object> renamed = account(name + " renamed", sink.port(), null, null);
        ResponseEntity<Map<String, Object>> renameRefused = exchange(HttpMethod.PUT, API + "/" + id, renamed);

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat((String) refused.getBody().get("detail")).contains(name)
                .contains("\"Flow of " + name + "\" (" + flowKey + " v1)")
                .contains(template);
        assertThat(renameRefused.getStatusCode().value()).isEqualTo(409);
        assertThat(get(API + "/" + id).getStatusCode().value()).as("still there").isEqualTo(200);
    }

    @Test
    void anAccountNothingUsesIsDeletedAndEveryChangeLeavesOneAuditRow() throws Exception {
        String name = data.unique("Short-lived");
        long id = id(create(account(name, sink.port(), "someone", relayPassword)));
        Map<String, Object> edit = account(name, sink.port(), "someone", "");
        edit.put("fromName", "Solare Italia");
        assertThat(exchange(HttpMethod.PUT, API + "/" + id, edit).getBody()).containsEntry("passwordSet", true)
                .containsEntry("fromName", "Solare Italia");
        Map<String, Object> newPassword = account(name, sink.port(), "someone", "another-" + relayPassword);

        assertThat(exchange(HttpMethod.PUT, API + "/" + id, newPassword).getStatusCode().value()).isEqualTo(200);
        assertThat(exchange(HttpMethod.DELETE, API + "/" + id, null).getStatusCode().value()).isEqualTo(204);
        assertThat(get(API + "/" + id).getStatusCode().value()).isEqualTo(404);

        List<Map<String, Object>> rows = jdbc.sql("""
                        select actor, change, before::text as before, after::text as after from audit_entry
                        where area = 'SMTP_ACCOUNT' and subject = ? order by id""")
                .param(name).query().listOfRows();
        assertThat(rows).extracting(row -> row.get("change"))
                .containsExactly("CREATED", "UPDATED", "UPDATED", "DELETED");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("actor")).isEqualTo(admin));
        assertThat((String) rows.get(0).get("after")).contains("\"passwordSet\": true").contains("\"host\"");
        assertThat((String) rows.get(1).get("before")).contains("\"fromName\": null");
        assertThat((String) rows.get(1).get("after")).contains("\"fromName\": \"Solare Italia\"")
                .contains("\"passwordChanged\": false");
        assertThat((String) rows.get(2).get("after")).contains("\"passwordChanged\": true");
        assertThat((String) rows.get(3).get("before")).contains(name);
        assertThat(rows.get(3).get("after")).isNull();
    }

    @Test
    void thePasswordNeverComesOutAfterASaveAndAFailedSend(CapturedOutput log) throws Exception {
        String name = data.unique("Secret relay");
        String secret = "Sec-" + relayPassword;
        List<String> answers = new java.util.ArrayList<>();
        // Saved, read back, and the server refuses it: an e-mail action fails and so does a connection test.
        ResponseEntity<String> created = raw(HttpMethod.POST, API, account(name, relay.getSmtp().getPort(), relayUser,
                secret));
        answers.add(created.getBody());
        long id = json.readTree(created.getBody()).get("id").asLong();
        answers.add(raw(HttpMethod.GET, API, null).getBody());
        answers.add(raw(HttpMethod.GET, API + "/" + id, null).getBody());
        answers.add(raw(HttpMethod.PUT, API + "/" + id, account(name, relay.getSmtp().getPort(), relayUser, secret))
                .getBody());
        Opportunity opportunity = data.opportunity(null, null);
        data.startEmailTestFlow(opportunity, "welcome", name, "CUSTOMER", null, false);
        EmailHistoryRow failed = EmailHistoryRows.awaitRow(emailHistory, opportunity.id(), "welcome",
                row -> row.action().state() == ActionStatus.FAILED);
        answers.add(raw(HttpMethod.POST, API + "/" + id + "/test", Map.of("recipient", "x@platform.test"))
                .getBody());
        answers.add(raw(HttpMethod.GET, "/api/history/emails?opportunityId=" + opportunity.id(), null).getBody());

        assertThat(failed.action().lastError()).contains("refused the credentials");
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isNotBlank().doesNotContain(secret));
        assertThat(answers.get(4)).contains("\"succeeded\":false");
        assertThat(log.getAll()).contains(name).doesNotContain(secret);
        assertThat(jdbc.sql("select coalesce(string_agg(concat_ws(' ', before::text, after::text), ' '), '') "
                + "from audit_entry where subject = ?").param(name).query(String.class).single())
                .contains(name).doesNotContain(secret);
        assertThat(jdbc.sql("select password_encrypted from smtp_credential where id = ?").param(id)
                .query(String.class).single()).isNotBlank().doesNotContain(secret);
        assertThat(EmailHistoryExportText.csv(context)).contains(name).doesNotContain(secret);
    }

    @Test
    void badInputIsRefusedWith400NamingTheField() throws Exception {
        String name = data.unique("Checked");
        assertRefused(with(account(name, 0, null, null), "port", 0), "port");
        assertRefused(with(account(name, 25, null, null), "port", 70_000), "port");
        assertRefused(with(account(name, 25, null, null), "host", "not a host!"), "host");
        assertRefused(with(account(name, 25, null, null), "host", "relay\u0000.example"), "host");
        assertRefused(with(account(name, 25, null, null), "name", "x".repeat(1_000_000)), "name");
        assertRefused(with(account(name, 25, null, null), "fromAddress", "nobody"), "fromAddress");
        assertRefused(with(account(name, 25, null, null), "connectTimeoutSeconds", 0), "connectTimeoutSeconds");
        assertRefused(with(account(name, 25, null, null), "readTimeoutSeconds", 601), "readTimeoutSeconds");
        assertRefused(with(account(name, 25, null, null), "port", "twenty-five"), "port");
        assertRefused(with(account(name, 25, null, null), "security", "TLS13"), "security");
        assertRefused(with(account(name, 25, null, "a-password"), "username", null), "username");
        assertRefused(with(account(TestData.WORKING_SMTP, 25, null, null), "host", "smtp.example"), "name");
        assertThat(jdbc.sql("select count(*) from smtp_credential where name = ?").param(name).query(Long.class)
                .single()).isZero();

        assertThat(exchange(HttpMethod.PUT, API + "/987654321", account(name, 25, null, null)).getStatusCode()
                .value()).isEqualTo(404);
        assertThat(exchange(HttpMethod.DELETE, API + "/987654321", null).getStatusCode().value()).isEqualTo(404);
        assertThat(exchange(HttpMethod.POST, API + "/987654321/test", null).getStatusCode().value()).isEqualTo(404);
        assertThat(get(API + "/not-a-number").getStatusCode().value()).isEqualTo(400);
        long id = id(create(account(name, sink.port(), null, null)));
        ResponseEntity<Map<String, Object>> badRecipient = exchange(HttpMethod.POST, API + "/" + id + "/test",
                Map.of("recipient", "not an address"));
        assertThat(badRecipient.getStatusCode().value()).isEqualTo(400);
        assertThat(badRecipient.getBody().get("fields")).isEqualTo(List.of("recipient"));
    }

    @Test
    void partnersAndInternalUsersGet403() {
        String partner = data.partnerUser(data.partner(CompanyKind.INSTALLER));
        String internal = data.internalUser();

        assertThat(rest.withBasicAuth(partner, partner).getForEntity(API, String.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(rest.withBasicAuth(internal, internal).getForEntity(API, String.class).getStatusCode().value())
                .isEqualTo(403);
    }

    private void assertRefused(Map<String, Object> body, String field) {
        ResponseEntity<Map<String, Object>> answer = exchange(HttpMethod.POST, API, body);
        assertThat(answer.getStatusCode().value()).as("%s refused", field).isEqualTo(400);
        assertThat(answer.getBody().get("fields")).as("%s named", field).isEqualTo(List.of(field));
        assertThat((String) answer.getBody().get("detail")).contains(field);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> account(String name, int port, String username, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("host", "127.0.0.1");
        body.put("port", port);
        body.put("security", "NONE");
        body.put("username", username);
        body.put("password", password);
        body.put("fromAddress", "crm@solare-italia.example");
        body.put("connectTimeoutSeconds", 2);
        body.put("readTimeoutSeconds", 5);
        return body;
    }

    private Map<String, Object> create(Map<String, Object> body) {
        ResponseEntity<Map<String, Object>> created = exchange(HttpMethod.POST, API, body);
        assertThat(created.getStatusCode().value()).as("created: %s", created.getBody()).isEqualTo(201);
        return created.getBody();
    }

    private Map<String, Object> post(String path, Object body) {
        ResponseEntity<Map<String, Object>> answer = exchange(HttpMethod.POST, path, body);
        assertThat(answer.getStatusCode().value()).as("%s: %s", path, answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    private ResponseEntity<Map<String, Object>> get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ResponseEntity<Map<String, Object>> exchange(HttpMethod method, String path, Object body) {
        return (ResponseEntity) rest.withBasicAuth(admin, admin).exchange(path, method, entity(body), Map.class);
    }

    private ResponseEntity<String> raw(HttpMethod method, String path, Object body) {
        return rest.withBasicAuth(admin, admin).exchange(path, method, entity(body), String.class);
    }

    private static HttpEntity<Object> entity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static long id(Map<String, Object> account) {
        return ((Number) account.get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Reason reason(Map<String, Object> result) {
        Map<String, Object> reason = (Map<String, Object>) result.get("reason");
        return Reason.coded((String) reason.get("code"), (Map<String, String>) reason.get("params"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The e-mail test flow under its own key, its action naming the account literally as a designer writes it. */
    private static String emailFlowSendingThrough(String key, String account) throws IOException {
        try (var in = SmtpAccountsIT.class.getResourceAsStream("/bpmn/email-test-flow.bpmn")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("id=\"EmailTestFlow\"", "id=\"" + key + "\"")
                    .replace("name=\"E-mail test flow\"", "name=\"Flow of " + account + "\"")
                    .replace("${smtpCredential}", account)
                    .replace("Definitions_EmailTestFlow", "Definitions_" + key);
        }
    }
}
