package com.flowstate.action.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.ReportTestFlows;
import com.flowstate.support.TestData;

/** GET /api/history/reports and its documents: every seed column filters, and a partner sees only its own. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerScopedReportHistoryIT {

    private static final String REPORT = SampleReportTemplate.NAME;

    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtime;
    @Autowired ReportTemplateService templates;
    @Autowired ReportHistoryQuery history;

    Opportunity sentOfA;
    Opportunity failedOfA;
    Opportunity sentOfB;
    ReportHistoryRow sentRowOfA;
    ReportHistoryRow failedRowOfA;
    ReportHistoryRow sentRowOfB;
    String userOfA;
    String userOfB;

    @BeforeAll
    void twoInstallersWithReportsSentAndFailed() {
        ReportTestFlows flows = new ReportTestFlows(runtime, templates, history);
        flows.sampleTemplate();
        Company installerA = data.partner(CompanyKind.INSTALLER);
        Company installerB = data.partner(CompanyKind.INSTALLER);
        Company sellerA = data.partner(CompanyKind.SELLER);
        Company sellerB = data.partner(CompanyKind.SELLER);
        sentOfA = data.opportunity(installerA, sellerA);
        failedOfA = data.opportunity(installerA, sellerA);
        sentOfB = data.opportunity(installerB, sellerB);
        userOfA = data.partnerUser(installerA);
        userOfB = data.partnerUser(installerB);
        sentRowOfA = flows.sendOnClose(sentOfA, REPORT, TestData.WORKING_SMTP, "CUSTOMER",
                row -> row.state() == ActionStatus.SUCCEEDED);
        failedRowOfA = flows.sendOnClose(failedOfA, "no-such-report", TestData.WORKING_SMTP, "CUSTOMER",
                row -> row.state() == ActionStatus.FAILED);
        sentRowOfB = flows.sendOnClose(sentOfB, REPORT, TestData.WORKING_SMTP, "CUSTOMER",
                row -> row.state() == ActionStatus.SUCCEEDED);
    }

    @Test
    void aPartnerListsOnlyTheReportsOfItsCompanysOpportunities() {
        List<Map<String, Object>> items = items(userOfA, "size=500");

        assertThat(items).extracting(PartnerScopedReportHistoryIT::opportunityId)
                .containsExactlyInAnyOrder(sentOfA.id(), failedOfA.id());
        assertThat(items).allSatisfy(item -> assertThat(item).containsKeys("opportunityName", "template",
                "recipientEmail", "smtpCredential", "fromAddress", "fileName", "documentUrl", "status", "state"));
        assertThat(items(userOfB, "size=500")).extracting(PartnerScopedReportHistoryIT::opportunityId)
                .containsExactly(sentOfB.id());
    }

    @Test
    void everySeedColumnFiltersWithinThePartnersScope() {
        assertThat(opportunities("opportunity=" + sentOfA.name())).containsExactly(sentOfA.id());
        assertThat(opportunities("opportunity=" + sentOfB.name())).isEmpty();
        assertThat(opportunities("template=no-such")).containsExactly(failedOfA.id());
        assertThat(opportunities("recipient=" + sentOfA.customerEmail().toUpperCase())).containsExactly(sentOfA.id());
        assertThat(opportunities("smtpCredential=platform")).containsExactlyInAnyOrder(sentOfA.id(), failedOfA.id());
        assertThat(opportunities("fromAddress=crm@test")).containsExactlyInAnyOrder(sentOfA.id(), failedOfA.id());
        assertThat(opportunities("fromAddress=legacy")).isEmpty();
        assertThat(opportunities("document=" + REPORT + "_" + sentOfA.id() + "_")).containsExactly(sentOfA.id());
        assertThat(opportunities("status=true")).containsExactly(sentOfA.id());
        assertThat(opportunities("status=false")).containsExactly(failedOfA.id());
        assertThat(opportunities("from=" + LocalDate.now().minusDays(1))).hasSize(2);
        assertThat(opportunities("to=" + LocalDate.now().minusDays(2))).isEmpty();
    }

    @Test
    void pagesThroughTheRowsWithTheCursor() {
        var first = page(userOfA, "size=1&sort=opportunity,asc");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> firstItems = (List<Map<String, Object>>) first.get("items");
        String cursor = (String) first.get("nextCursor");

        List<Map<String, Object>> second = items(userOfA, "size=1&sort=opportunity,asc&cursor=" + cursor);

        assertThat(firstItems).hasSize(1);
        assertThat(cursor).isNotBlank();
        assertThat(second).hasSize(1);
        assertThat(List.of(opportunityId(firstItems.get(0)), opportunityId(second.get(0))))
                .containsExactlyInAnyOrder(sentOfA.id(), failedOfA.id());
    }

    @Test
    void aPartnerDownloadsItsOwnReportAndAnotherCompanysIsNotFound() {
        ResponseEntity<byte[]> own = download(userOfA, sentRowOfA.documentUrl());
        ResponseEntity<byte[]> othersByA = download(userOfA, sentRowOfB.documentUrl());
        ResponseEntity<byte[]> ownByB = download(userOfB, sentRowOfA.documentUrl());
        ResponseEntity<byte[]> notSent = download(userOfA, "/api/history/reports/" + failedRowOfA.id() + "/document");

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getHeaders().getContentType().toString()).isEqualTo(ReportTemplateService.DOCX_CONTENT_TYPE);
        assertThat(own.getHeaders().getContentDisposition().getFilename()).isEqualTo(sentRowOfA.fileName());
        assertThat(own.getBody()).hasSize(sentRowOfA.documentSize());
        assertThat(othersByA.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ownByB.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notSent.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private List<Long> opportunities(String query) {
        return items(userOfA, "size=500&" + query).stream().map(PartnerScopedReportHistoryIT::opportunityId).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String user, String query) {
        return (List<Map<String, Object>>) page(user, query).get("items");
    }

    private Map<String, Object> page(String user, String query) {
        var response = rest.withBasicAuth(user, user).exchange("/api/history/reports?" + query, HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<byte[]> download(String user, String url) {
        return rest.withBasicAuth(user, user).getForEntity(url, byte[].class);
    }

    private static long opportunityId(Map<String, Object> item) {
        return ((Number) item.get("opportunityId")).longValue();
    }
}
