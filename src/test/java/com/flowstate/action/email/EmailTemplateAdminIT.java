package com.flowstate.action.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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

import com.flowstate.mail.MailSink;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** Admins manage e-mail templates over REST; what they save is what the next e-mail sends, in the customer's language. */
@IntegrationTest
class EmailTemplateAdminIT {

    private static final String API = "/api/admin/email-templates";

    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired MailSink sink;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;
    @Autowired OpportunityService opportunities;

    @Test
    void aTemplateEditShowsUpInTheNextEmailSent() {
        String name = data.unique("edited");
        long id = create(name, Map.of("it", variant("Prima versione {{customer.name}}", "<p>uno</p>", "uno")));
        Opportunity opportunity = data.opportunity(null, null);

        send(opportunity, name);
        assertThat(awaitSubject(opportunity.customerEmail(), "Prima versione"))
                .isEqualTo("Prima versione " + opportunity.customerName());

        ResponseEntity<Map> edited = admin().exchange(API + "/" + id, HttpMethod.PUT, json(Map.of("name", name,
                "variants", Map.of("it", variant("Seconda versione {{opportunity.name}}", "<p>due</p>", "due")))),
                Map.class);
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);

        send(opportunity, name);
        assertThat(awaitSubject(opportunity.customerEmail(), "Seconda versione"))
                .isEqualTo("Seconda versione " + opportunity.name());
    }

    @Test
    void anItalianAndASpanishCustomerEachGetTheirOwnLanguage() {
        String name = data.unique("bilingual");
        create(name, Map.of(
                "it", variant("Benvenuto {{customer.name}}", "<p>Benvenuto</p>", "Benvenuto"),
                "es", variant("Bienvenido {{customer.name}}", "<p>Bienvenido</p>", "Bienvenido")));
        Opportunity italian = opportunityFor("it");
        Opportunity spanish = opportunityFor("es");
        Opportunity english = opportunityFor("en");
        assertThat(spanish.customerLanguage()).isEqualTo("es");

        send(italian, name);
        send(spanish, name);
        send(english, name);

        assertThat(awaitSubject(italian.customerEmail(), "Benvenuto")).isEqualTo("Benvenuto " + italian.customerName());
        assertThat(awaitSubject(spanish.customerEmail(), "Bienvenido")).isEqualTo("Bienvenido " + spanish.customerName());
        // No English text: the Italian one.
        assertThat(awaitSubject(english.customerEmail(), "Benvenuto")).isEqualTo("Benvenuto " + english.customerName());
    }

    @Test
    void anUnknownPlaceholderOrBrokenSyntaxIsRefusedNamingTheFieldLanguageAndLine() {
        ResponseEntity<Map> unknown = admin().postForEntity(API, json(Map.of("name", data.unique("typo"),
                "variants", Map.of("it", variant("Ciao", "<p>Ciao</p>", "Ciao"),
                        "es", variant("Hola", "<p>Hola</p>\n<p>{{customer.nmae}}</p>", "Hola")))), Map.class);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) unknown.getBody().get("fields")).containsExactly("variants.es.bodyHtml");
        assertThat((String) unknown.getBody().get("detail"))
                .contains("Unknown placeholder {{customer.nmae}} (es, line 2)");

        ResponseEntity<Map> broken = admin().postForEntity(API, json(Map.of("name", data.unique("broken"),
                "variants", Map.of("it", variant("{{#customer}}Ciao", "<p>Ciao</p>", "Ciao")))), Map.class);

        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) broken.getBody().get("fields")).containsExactly("variants.it.subject");
        assertThat((String) broken.getBody().get("detail")).contains("Broken template syntax (it, line 1)");
    }

    @Test
    void hostileInputIsAClearClientErrorNeverAServerError() {
        String megabyte = "x".repeat(1_000_000);
        ResponseEntity<Map> huge = admin().postForEntity(API, json(Map.of("name", data.unique("huge"),
                "variants", Map.of("it", variant("Ciao", megabyte, "Ciao")))), Map.class);
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) huge.getBody().get("fields")).containsExactly("variants.it.bodyHtml");

        ResponseEntity<Map> nul = admin().postForEntity(API, json(Map.of("name", "nul\0name",
                "variants", Map.of("it", variant("Ciao", "<p>Ciao</p>", "Ciao")))), Map.class);
        assertThat(nul.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<Map> language = admin().postForEntity(API, json(Map.of("name", data.unique("klingon"),
                "variants", Map.of("tlh", variant("Ciao", "<p>Ciao</p>", "Ciao")))), Map.class);
        assertThat(language.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) language.getBody().get("fields")).containsExactly("variants");

        ResponseEntity<Map> wrongType = admin().postForEntity(API, json(Map.of("name", List.of(1, 2),
                "variants", Map.of())), Map.class);
        assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(admin().getForEntity(API + "/987654321", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(admin().exchange(API + "/987654321", HttpMethod.DELETE, null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(admin().getForEntity(API + "/not-a-number", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aTemplateADeployedFlowSendsCannotBeDeletedAndTheAnswerNamesTheFlow() {
        String name = data.unique("in-use");
        long id = create(name, Map.of("it", variant("Ciao", "<p>Ciao</p>", "Ciao")));
        String flowKey = "TemplateUser" + System.nanoTime();
        deploy(flowKey, "Sends " + name, name);

        ResponseEntity<Map> refused = admin().exchange(API + "/" + id, HttpMethod.DELETE, null, Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((List<String>) refused.getBody().get("flows")).containsExactly("Sends " + name);
        assertThat((String) refused.getBody().get("detail")).contains("Sends " + name);
        assertThat(admin().getForEntity(API + "/" + id, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map> renamed = admin().exchange(API + "/" + id, HttpMethod.PUT, json(Map.of(
                "name", name + "-renamed", "variants", Map.of("it", variant("Ciao", "<p>Ciao</p>", "Ciao")))),
                Map.class);
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) renamed.getBody().get("fields")).containsExactly("name");
    }

    @Test
    void anOlderVersionOpportunitiesStillRunOnKeepsItsTemplateButALaterExpressionDoesNot() {
        String name = data.unique("older-version");
        long id = create(name, Map.of("it", variant("Ciao", "<p>Ciao</p>", "Ciao")));
        String flowKey = "OlderTemplateUser" + System.nanoTime();
        String sendingVersion = deploy(flowKey, "Sends " + name, name);
        String running = runtime.startProcessInstanceById(sendingVersion,
                Long.toString(data.opportunity(null, null).id())).getId();
        deploy(flowKey, "Sends the template chosen at run time " + flowKey, "${template}");

        ResponseEntity<Map> refused = admin().exchange(API + "/" + id, HttpMethod.DELETE, null, Map.class);
        runtime.deleteProcessInstance(running, "its opportunity moved on");
        ResponseEntity<Map> deleted = admin().exchange(API + "/" + id, HttpMethod.DELETE, null, Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((List<String>) refused.getBody().get("flows")).as("the flow as people know it now")
                .containsExactly("Sends the template chosen at run time " + flowKey);
        assertThat(deleted.getStatusCode()).as("an expression names no template").isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void anExpressionNamesNoTemplateEvenOneCalledLikeIt() {
        String variable = "chosenTemplate" + System.nanoTime();
        String name = "${" + variable + "}";
        long id = create(name, Map.of("it", variant("Ciao", "<p>Ciao</p>", "Ciao")));
        String flowKey = "ExpressionTemplateUser" + System.nanoTime();
        deploy(flowKey, "Sends the template in " + variable, name);

        ResponseEntity<Map> deleted = admin().exchange(API + "/" + id, HttpMethod.DELETE, null, Map.class);

        assertThat(deleted.getStatusCode()).as("the flow reads a variable, whatever its text")
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void everyChangeLeavesOneAuditRowWithBeforeAndAfter() {
        String name = data.unique("audited");
        long id = create(name, Map.of("it", variant("Uno", "<p>Uno</p>", "Uno")));
        admin().exchange(API + "/" + id, HttpMethod.PUT, json(Map.of("name", name, "variants", Map.of(
                "it", variant("Due", "<p>Due</p>", "Due"), "en", variant("Two", "<p>Two</p>", "Two")))), Map.class);
        ResponseEntity<Map> deleted = admin().exchange(API + "/" + id, HttpMethod.DELETE, null, Map.class);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        List<Map<String, Object>> rows = jdbc.sql("""
                        select actor, area, change, before::text as before, after::text as after from audit_entry
                        where subject = ? order by id""").param(name).query().listOfRows();
        assertThat(rows).extracting(row -> row.get("change")).containsExactly("CREATED", "UPDATED", "DELETED");
        assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("actor", "test-admin")
                .containsEntry("area", "EMAIL_TEMPLATE"));
        assertThat(rows.get(0).get("before")).isNull();
        assertThat((String) rows.get(0).get("after")).contains("\"Uno\"");
        assertThat((String) rows.get(1).get("before")).contains("\"Uno\"").doesNotContain("Two");
        assertThat((String) rows.get(1).get("after")).contains("\"Due\"", "\"Two\"");
        assertThat((String) rows.get(2).get("before")).contains("\"Due\"");
        assertThat(rows.get(2).get("after")).isNull();
    }

    @Test
    void onlyAdminsReachTheTemplates() {
        String partner = data.partnerUser(data.partner(CompanyKind.INSTALLER));
        String internal = data.internalUser();

        assertThat(rest.withBasicAuth(partner, partner).getForEntity(API, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(internal, internal).postForEntity(API, json(Map.of("name", "x",
                "variants", Map.of())), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void thePreviewFillsTheTextsForAnOpportunityAndThePlaceholdersAreTheModels() {
        Opportunity opportunity = data.opportunity(null, null);

        ResponseEntity<Map> preview = admin().postForEntity(API + "/preview", json(Map.of("language", "es",
                "opportunityId", opportunity.id(), "variant", variant("Hola {{customer.name}}",
                        "<p>{{opportunity.name}} <script>x</script></p>", "{{opportunity.postalCode}}"))), Map.class);
        ResponseEntity<List> placeholders = admin().getForEntity(API + "/placeholders", List.class);

        assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(preview.getBody()).containsEntry("subject", "Hola " + opportunity.customerName())
                .containsEntry("bodyText", "20121");
        assertThat((String) preview.getBody().get("bodyHtml")).contains(opportunity.name());
        assertThat(placeholders.getBody()).contains("customer.name", "opportunity.postalCode", "substate.name");
    }

    private Opportunity opportunityFor(String language) {
        String customer = data.unique("Cliente-" + language);
        String internal = data.internalUser();
        ResponseEntity<Map> created = rest.withBasicAuth(internal, internal).postForEntity("/api/opportunities",
                Map.of("customerName", customer, "customerEmail", customer.toLowerCase() + "@customers.test",
                        "postalCode", "20121", "province", "MI", "customerLanguage", language), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) ((Map<?, ?>) created.getBody().get("opportunity")).get("id")).longValue();
        return opportunities.get(PartnerScope.everything(), id);
    }

    private long create(String name, Map<String, Object> variants) {
        ResponseEntity<Map> created = admin().postForEntity(API, json(Map.of("name", name, "variants", variants)),
                Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) created.getBody().get("id")).longValue();
    }

    private void send(Opportunity opportunity, String template) {
        data.startEmailTestFlow(opportunity, template, TestData.WORKING_SMTP, "CUSTOMER", null, false);
    }

    private String awaitSubject(String address, String prefix) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sink.received().stream()
                .filter(message -> isTo(message, address)).map(EmailTemplateAdminIT::subject)
                .filter(subject -> subject.startsWith(prefix)).findFirst().orElse(null), subject -> subject != null);
    }

    private TestRestTemplate admin() {
        data.admin();
        return rest.withBasicAuth("test-admin", "test-admin");
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static Map<String, Object> variant(String subject, String html, String text) {
        return Map.of("subject", subject, "bodyHtml", html, "bodyText", text);
    }

    /** Deploys a flow that waits, then sends {@code template}; answers the id of the version deployed. */
    private String deploy(String key, String name, String template) {
        return repository.createDeployment().name(key).addString(key + ".bpmn", flowSending(key, name, template))
                .deployWithResult().getDeployedProcessDefinitions().get(0).getId();
    }

    private static String flowSending(String key, String name, String template) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  id="Definitions_%1$s" targetNamespace="https://flowstate.example/bpmn/test">
                  <bpmn:process id="%1$s" name="%3$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Started" />
                    <bpmn:sequenceFlow id="Flow_Started_to_Wait" sourceRef="Started" targetRef="Waiting" />
                    <bpmn:receiveTask id="Waiting" name="Waiting" />
                    <bpmn:sequenceFlow id="Flow_Wait_to_Send" sourceRef="Waiting" targetRef="SendWelcome" />
                    <bpmn:serviceTask id="SendWelcome" name="Send welcome" camunda:asyncBefore="true"
                                      camunda:delegateExpression="${sendEmailAction}">
                      <bpmn:extensionElements>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="template">%2$s</camunda:inputParameter>
                          <camunda:inputParameter name="smtpCredential">Platform SMTP</camunda:inputParameter>
                          <camunda:inputParameter name="recipientRole">CUSTOMER</camunda:inputParameter>
                        </camunda:inputOutput>
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="Flow_Send_to_End" sourceRef="SendWelcome" targetRef="Ended" />
                    <bpmn:endEvent id="Ended" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, template, name);
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
