package com.flowstate.action.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.RepositoryService;
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
import com.flowstate.action.TemplateUsingFlow;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.DesignersFlow;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** Admins manage report templates over /api/admin/report-templates: upload, placeholders, preview, delete. */
@IntegrationTest
class ReportTemplateAdminIT {

    private static final String API = "/api/admin/report-templates/";

    @Autowired TestData data;
    @Autowired DesignersFlow designersFlow;
    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repository;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    @Test
    void anUploadedTemplateListsItsPlaceholdersAndEachUploadLeavesOneAuditRow() throws Exception {
        String name = data.unique("summary");

        ResponseEntity<String> created = upload(name, SampleReportTemplate.docx());
        ResponseEntity<String> replaced = upload(name, docx("Gentile {{customer.name}}, {{opportunity.city}}"));
        JsonNode details = json.readTree(admin().getForEntity(API + name, String.class).getBody());

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(created.getBody()).get("placeholders").toString())
                .contains("{{customer.name}}", "{{opportunity.address}}", "{{activities}}");
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(details.get("placeholders").toString())
                .isEqualTo("[\"{{customer.name}}\",\"{{opportunity.city}}\"]");
        List<Map<String, Object>> audit = auditRows(name);
        assertThat(audit).extracting(row -> row.get("change")).containsExactly("CREATED", "UPDATED");
        JsonNode before = json.readTree((String) audit.get(1).get("before"));
        JsonNode after = json.readTree((String) audit.get(1).get("after"));
        assertThat(before.get("placeholders").toString()).contains("{{opportunity.address}}");
        assertThat(after.get("placeholders").toString()).isEqualTo("[\"{{customer.name}}\",\"{{opportunity.city}}\"]");
        assertThat(before.get("sha256").asText()).isNotEqualTo(after.get("sha256").asText());
    }

    @Test
    void thePreviewIsTheTemplateFilledWithTheChosenOpportunitysData() throws Exception {
        String name = data.unique("preview");
        upload(name, SampleReportTemplate.docx());
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER),
                data.partner(CompanyKind.SELLER));

        ResponseEntity<byte[]> preview = admin().getForEntity(API + name + "/preview?opportunityId={id}",
                byte[].class, opportunity.id());

        assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(preview.getHeaders().getContentDisposition().getFilename()).endsWith(".docx");
        String text = text(preview.getBody());
        assertThat(text).contains(opportunity.customerName(), opportunity.name(), opportunity.installerName())
                .doesNotContain("{{");
    }

    @Test
    void aFileThatIsNotADocxOrNamesAnUnknownPlaceholderIsRefusedAtTheFileField() throws Exception {
        String name = data.unique("broken");

        ResponseEntity<String> notDocx = upload(name, "PK not really a zip".getBytes());
        ResponseEntity<String> misspelt = upload(name, docx("Dear {{customer.nmae}}"));

        assertThat(notDocx.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(notDocx.getBody()).get("field").asText()).isEqualTo("file");
        assertThat(json.readTree(notDocx.getBody()).get("code").asText()).isEqualTo("reportTemplate.notDocx");
        assertThat(misspelt.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(misspelt.getBody()).get("field").asText()).isEqualTo("file");
        assertThat(misspelt.getBody()).contains("customer.nmae");
        assertThat(admin().getForEntity(API + name, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(auditRows(name)).isEmpty();
    }

    @Test
    void hostileRequestsGetAClear4xxNeverA500() {
        String name = data.unique("hostile");
        upload(name, SampleReportTemplate.docx());

        var unknownOpportunity = admin().getForEntity(API + name + "/preview?opportunityId=999999999", String.class);
        var wrongType = admin().getForEntity(API + name + "/preview?opportunityId=abc", String.class);
        var unknownTemplate = admin().getForEntity(API + data.unique("missing") + "/preview?opportunityId=1",
                String.class);
        var empty = upload(data.unique("empty"), new byte[0]);
        var tooLarge = upload(data.unique("large"), new byte[ReportTemplateAdmin.MAX_SIZE + 1]);
        var controlInName = upload("bad\u0007name", SampleReportTemplate.docx());
        var partner = data.partnerUser(data.partner(CompanyKind.SELLER));
        var byPartner = rest.withBasicAuth(partner, partner).getForEntity(API, String.class);

        assertThat(unknownOpportunity.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownOpportunity.getBody()).contains("\"field\":\"opportunityId\"");
        assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownTemplate.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLarge.getBody()).contains("\"field\":\"file\"");
        assertThat(controlInName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(byPartner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aTemplateADeployedFlowSendsCannotBeDeletedAndTheRefusalNamesTheFlow() {
        designersFlow.fixtures();
        String name = data.unique("in-use");
        upload(name, SampleReportTemplate.docx());

        ResponseEntity<String> refused;
        String flowName;
        try (TemplateUsingFlow flow = TemplateUsingFlow.deploy(repository, designersFlow, name, name,
                DesignersFlow.EXPORT_TEMPLATE)) {
            flowName = flow.name();
            refused = admin().exchange(API + name, HttpMethod.DELETE, null, String.class);
        }
        var deleted = admin().exchange(API + name, HttpMethod.DELETE, null, String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).contains(flowName);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(auditRows(name)).extracting(row -> row.get("change")).containsExactly("CREATED", "DELETED");
    }

    private ResponseEntity<String> upload(String name, byte[] docx) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(ReportTemplateService.DOCX_CONTENT_TYPE));
        ResponseEntity<String> response = admin().exchange(API + "{name}", HttpMethod.PUT,
                new HttpEntity<>(docx, headers), String.class, name);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isLessThan(500);
        return response;
    }

    private TestRestTemplate admin() {
        data.admin();
        return rest.withBasicAuth("test-admin", "test-admin");
    }

    /** A one-paragraph .docx. */
    static byte[] docx(String text) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        }
    }

    private static String text(byte[] docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    private List<Map<String, Object>> auditRows(String subject) {
        return jdbc.sql("""
                        select change, before::text as before, after::text as after from audit_entry
                        where area = 'REPORT_TEMPLATE' and subject = ? order by id""")
                .param(subject).query().listOfRows();
    }
}
