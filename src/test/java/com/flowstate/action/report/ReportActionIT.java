package com.flowstate.action.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.flowstate.history.ActionStatus;
import com.flowstate.mail.MailSink;
import com.flowstate.opportunity.OpenSubstate;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.ReportTestFlows;
import com.flowstate.support.TestData;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

@IntegrationTest
class ReportActionIT {

    private static final String REPORT = SampleReportTemplate.NAME;

    @Autowired TestData data;
    @Autowired MailSink sink;
    @Autowired ReportHistoryQuery history;
    @Autowired OpportunityService opportunities;
    @Autowired ReportTemplateService templates;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired TestRestTemplate rest;

    ReportTestFlows flows;

    @BeforeEach
    void sampleTemplate() {
        flows = new ReportTestFlows(runtime, templates, history);
        flows.sampleTemplate();
    }

    @Test
    void mailsTheFilledDocxToTheCustomerWhenTheSubstateCloses() throws Exception {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company seller = data.partner(CompanyKind.SELLER);
        Opportunity opportunity = data.opportunity(installer, seller);
        String flow = flows.openDraft(opportunity, REPORT, TestData.WORKING_SMTP, "CUSTOMER", false);
        // The opportunity's own flow has a substate open too; the report lists every open one.
        List<String> openElsewhere = Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> openSubstateNames(opportunity).stream()
                        .filter(name -> !name.equals("Bozza del report")).toList(), names -> !names.isEmpty());

        flows.closeDraft(flow);

        ReportHistoryRow row = flows.awaitRow(opportunity.id(), r -> r.state() == ActionStatus.SUCCEEDED);
        MimeMessage message = onlyReportTo(opportunity.customerEmail());
        Part attachment = docxAttachment(message);
        byte[] document = attachment.getInputStream().readAllBytes();
        String text = text(document);
        assertThat(text).contains("Cliente: " + opportunity.customerName())
                .contains("Riepilogo opportunità " + opportunity.name())
                .contains("Indirizzo dell'impianto: Via Roma 1, 20121 Milano (MI)")
                .contains("Installatore: " + installer.name())
                .contains("Venditore: " + seller.name())
                .contains("Sopralluogo tecnico\t" + ReportTestFlows.SURVEY_SUBJECT + opportunity.customerName())
                .contains("Bozza del report")
                .doesNotContain("{{").doesNotContain("[subject]");
        assertThat(openElsewhere).allSatisfy(name -> assertThat(text).contains(name));
        assertThat(attachment.getContentType()).startsWith(ReportTemplateService.DOCX_CONTENT_TYPE);
        assertThat(message.getSubject()).contains(REPORT).contains(opportunity.name());
        assertThat(message.getFrom()[0].toString()).isEqualTo("crm@test.example");
        assertThat(message.getMessageID()).isEqualTo(row.messageId()).startsWith("<report-");

        assertThat(row.action().status()).isTrue();
        assertThat(row.template()).isEqualTo(REPORT);
        assertThat(row.recipientEmail()).isEqualTo(opportunity.customerEmail());
        assertThat(row.smtpCredential()).isEqualTo(TestData.WORKING_SMTP);
        assertThat(row.fromAddress()).isEqualTo("crm@test.example");
        assertThat(row.fileName()).isEqualTo(attachment.getFileName()).startsWith(REPORT + "_" + opportunity.id() + "_")
                .endsWith(".docx");
        assertThat(row.documentSize()).isEqualTo(document.length);
        assertThat(row.substateName()).isEqualTo("Bozza del report");
        assertThat(row.trigger()).isEqualTo("CLOSE");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();

        String internal = data.internalUser();
        var download = rest.withBasicAuth(internal, internal).getForEntity(row.documentUrl(), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(document);
        assertThat(download.getHeaders().getContentType().toString()).isEqualTo(ReportTemplateService.DOCX_CONTENT_TYPE);
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo(row.fileName());
    }

    @Test
    void anUnknownReportTemplateFailsAtOnceWithItsNameAndTheFlowGoesOn() {
        Opportunity opportunity = data.opportunity(null, null);

        flows.closeDraft(flows.openDraft(opportunity, "no-such-report", TestData.WORKING_SMTP, "CUSTOMER", false));

        ReportHistoryRow row = flows.awaitRow(opportunity.id(), r -> r.state() == ActionStatus.FAILED);
        assertThat(row.action().status()).isFalse();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isEqualTo("Unknown report template 'no-such-report'");
        assertThat(row.template()).isEqualTo("no-such-report");
        assertThat(row.recipientEmail()).isEqualTo(opportunity.customerEmail());
        assertThat(row.fromAddress()).isEqualTo("crm@test.example");
        assertThat(row.hasDocument()).isFalse();
        assertThat(row.documentUrl()).isNull();
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> openSubstateNames(opportunity).contains("Report inviato"));
        assertThat(reportsTo(opportunity.customerEmail())).isEmpty();
    }

    @Test
    void aRecipientRoleNobodyHoldsFailsWithTheReason() {
        Opportunity opportunity = data.opportunity(null, data.partner(CompanyKind.SELLER));

        ReportHistoryRow row = flows.sendOnClose(opportunity, REPORT, TestData.WORKING_SMTP, "INSTALLER",
                r -> r.state() == ActionStatus.FAILED);

        assertThat(row.lastError()).isEqualTo("No installer is assigned to the opportunity");
        assertThat(row.fromAddress()).isEqualTo("crm@test.example");
        assertThat(row.attempts()).isEqualTo(1);
    }

    @Test
    void sendsExactlyOnceWhenTheJobIsRetriedAfterAFailedCommit() throws Exception {
        Opportunity opportunity = data.opportunity(null, null);

        flows.closeDraft(flows.openDraft(opportunity, REPORT, TestData.WORKING_SMTP, "CUSTOMER", true));

        ReportHistoryRow row = flows.awaitRow(opportunity.id(), r -> r.state() == ActionStatus.SUCCEEDED);
        assertThat(row.attempts()).isEqualTo(2);
        List<MimeMessage> sent = reportsTo(opportunity.customerEmail());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getMessageID()).isEqualTo(row.messageId());
        assertThat(docxAttachment(sent.get(0)).getFileName()).isEqualTo(row.fileName());
        assertThat(flows.rows(opportunity.id())).hasSize(1);
    }

    @Test
    void aDeploymentNamingAnUnknownReportTemplateIsRefusedWithElementAndValue() {
        String bpmn = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="BrokenReportFlow" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="SendSummaryReport" />
                    <bpmn:serviceTask id="SendSummaryReport" camunda:asyncBefore="true"
                                      camunda:delegateExpression="${sendReportAction}">
                      <bpmn:extensionElements>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="reportTemplate">no-such-report</camunda:inputParameter>
                          <camunda:inputParameter name="smtpCredential">%s</camunda:inputParameter>
                          <camunda:inputParameter name="recipientRole">CUSTOMER</camunda:inputParameter>
                        </camunda:inputOutput>
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="F2" sourceRef="SendSummaryReport" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>""".formatted(TestData.WORKING_SMTP);

        assertThatThrownBy(() -> repository.createDeployment().name("report-validation-test")
                .addString("broken-report.bpmn", bpmn).deploy())
                .hasMessageContaining("SendSummaryReport")
                .hasMessageContaining("unknown report template 'no-such-report'");
    }

    @Test
    void anAdminUploadsATemplateAndOneWithAMisspeltPlaceholderIsRefusedWithTheReason() {
        String designer = data.designerUser();
        data.admin();
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(ReportTemplateService.DOCX_CONTENT_TYPE));
        String name = data.unique("uploaded");
        byte[] uploaded = SampleReportTemplate.docx();

        var good = rest.withBasicAuth("test-admin", "test-admin").exchange("/api/report-templates/" + name,
                HttpMethod.PUT, new HttpEntity<>(uploaded, headers), String.class);
        var byDesigner = rest.withBasicAuth(designer, designer).exchange("/api/report-templates/" + name,
                HttpMethod.PUT, new HttpEntity<>(SampleReportTemplate.docx(), headers), String.class);
        var broken = rest.withBasicAuth("test-admin", "test-admin").exchange("/api/report-templates/" + name,
                HttpMethod.PUT, new HttpEntity<>("not a document".getBytes(), headers), String.class);

        assertThat(good.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(templates.findByName(name)).isPresent();
        assertThat(byDesigner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getBody()).contains("Report template '" + name + "' cannot be filled: not a .docx document");
        assertThat(templates.content(name)).hasValueSatisfying(docx -> assertThat(docx).isEqualTo(uploaded));
    }

    private List<String> openSubstateNames(Opportunity opportunity) {
        return opportunities.openSubstates(PartnerScope.everything(), opportunity.id()).stream()
                .map(OpenSubstate::name).toList();
    }

    private MimeMessage onlyReportTo(String address) {
        List<MimeMessage> messages = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> reportsTo(address), list -> !list.isEmpty());
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    /** Messages to the address that carry a report (the flows also send it plain e-mails). */
    private List<MimeMessage> reportsTo(String address) {
        return sink.received().stream().filter(m -> isTo(m, address) && hasDocx(m)).toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean hasDocx(MimeMessage message) {
        try {
            return docx(message).isPresent();
        } catch (Exception e) {
            return false;
        }
    }

    private static Part docxAttachment(MimeMessage message) throws Exception {
        return docx(message).orElseThrow(() -> new AssertionError("No .docx attachment"));
    }

    private static Optional<Part> docx(MimeMessage message) throws Exception {
        List<Part> parts = new ArrayList<>();
        collect(message, parts);
        return parts.stream().filter(part -> fileName(part).endsWith(".docx")).findFirst();
    }

    private static void collect(Part part, List<Part> into) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, into);
            }
        } else {
            into.add(part);
        }
    }

    private static String fileName(Part part) {
        try {
            return part.getFileName() == null ? "" : part.getFileName();
        } catch (Exception e) {
            return "";
        }
    }

    private static String text(byte[] docx) throws IOException {
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            return extractor.getText();
        }
    }
}
