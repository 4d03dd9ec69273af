package com.flowstate.action.export;

import static com.flowstate.support.ExportHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

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

import com.flowstate.flow.FlowService;
import com.flowstate.history.ActionStatus;
import com.flowstate.history.HistorySort;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * The Exports tab over REST: filters on the seed's columns, keyset paging, and the partner scope on both the rows and
 * the files. Installer A's exports: one xlsx sent, one csv failed (unknown SMTP account); installer B's: one csv sent.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportHistoryApiIT {

    @Autowired TestData data;
    @Autowired ExportTemplateService templates;
    @Autowired ExportHistoryQuery history;
    @Autowired RuntimeService runtime;
    @Autowired FlowService flow;
    @Autowired TestRestTemplate rest;

    String token;
    Company installerA;
    Company installerB;
    String userOfA;
    String internalUser;
    ExportHistoryRow sentOfA;
    ExportHistoryRow failedOfA;
    ExportHistoryRow sentOfB;
    String internalToken;
    Opportunity opportunityOfA;
    ExportHistoryRow internalOfA;

    @BeforeAll
    void exportsOfTwoInstallers() {
        token = data.unique("api");
        installerA = data.partner(CompanyKind.INSTALLER);
        installerB = data.partner(CompanyKind.INSTALLER);
        userOfA = data.partnerUser(installerA);
        internalUser = data.internalUser();
        sentOfA = runExport(data.opportunity(installerA, null), token + "-a-sent", ExportExtension.XLSX,
                TestData.WORKING_SMTP, ActionStatus.SUCCEEDED);
        failedOfA = runExport(data.opportunity(installerA, null), token + "-a-failed", ExportExtension.CSV,
                "no-such-account", ActionStatus.FAILED);
        sentOfB = runExport(data.opportunity(installerB, null), token + "-b-sent", ExportExtension.CSV,
                TestData.WORKING_SMTP, ActionStatus.SUCCEEDED);
        // Run by installer A's opportunity, but for the internal user: the file holds every company's opportunities.
        internalToken = data.unique("internal-export");
        opportunityOfA = data.opportunity(installerA, null);
        internalOfA = runExport(opportunityOfA, internalToken, ExportExtension.CSV, TestData.WORKING_SMTP,
                ActionStatus.SUCCEEDED, "INTERNAL_USER");
    }

    @Test
    void aPartnerSeesTheExportItsOpportunityRanForTheInternalUserWithoutItsFile() {
        List<Map<String, Object>> mine = items(userOfA, "template=" + internalToken);
        List<Map<String, Object>> others = items(data.partnerUser(installerB), "template=" + internalToken);

        assertThat(mine).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("opportunityId", (int) opportunityOfA.id())
                .containsEntry("status", true).containsEntry("hasFile", false));
        assertThat(others).isEmpty();
        assertThat(items(internalUser, "template=" + internalToken)).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("hasFile", true));
        assertThat(download(userOfA, internalOfA).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(download(internalUser, internalOfA).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theOpportunityFilterNarrowsTheExportsTab() {
        String name = opportunityOfA.name();

        assertThat(templatesOf(userOfA, "opportunity=" + name)).containsExactly(internalToken);
        assertThat(templatesOf(internalUser, "opportunity=" + name)).containsExactly(internalToken);
        assertThat(templatesOf(internalUser, "opportunityId=" + opportunityOfA.id())).containsExactly(internalToken);
        assertThat(templatesOf(internalUser, "template=" + token + "&opportunity=" + name)).isEmpty();
        assertThat(templatesOf(data.partnerUser(installerB), "opportunity=" + name)).isEmpty();
    }

    @Test
    void aPartnerListsOnlyTheExportsMadeForItsCompany() {
        List<Map<String, Object>> items = items(userOfA, "template=" + token + "&size=500");

        assertThat(items).extracting(item -> item.get("template"))
                .containsExactly(token + "-a-failed", token + "-a-sent");
        assertThat(items).allSatisfy(item -> assertThat(item).containsKeys("template", "exportType", "extension",
                "recipient", "recipientEmail", "status", "state", "rows", "fileSize", "hasFile", "createdAt"));
        assertThat(items.get(1)).containsEntry("status", true).containsEntry("exportType", "OPPORTUNITIES")
                .containsEntry("extension", "XLSX").containsEntry("recipient", "INSTALLER")
                .containsEntry("recipientEmail", installerA.email()).containsEntry("rows", 1)
                .containsEntry("hasFile", true);
        assertThat(items.get(0)).containsEntry("status", false).containsEntry("hasFile", false)
                .containsEntry("lastError", "Unknown SMTP credentials 'no-such-account'");
    }

    @Test
    void aPlatformUserListsEveryCompanysExports() {
        assertThat(items(internalUser, "template=" + token + "&sort=template,asc"))
                .extracting(item -> item.get("template"))
                .containsExactly(token + "-a-failed", token + "-a-sent", token + "-b-sent");
    }

    @Test
    void filtersByEachSeedColumn() {
        String mine = "template=" + token;
        assertThat(templatesOf(internalUser, mine + "&exportType=opportunities")).hasSize(3);
        assertThat(templatesOf(internalUser, mine + "&exportType=ACTIVITIES")).isEmpty();
        assertThat(templatesOf(internalUser, mine + "&extension=xlsx")).containsExactly(token + "-a-sent");
        assertThat(templatesOf(internalUser, mine + "&extension=CSV"))
                .containsExactlyInAnyOrder(token + "-a-failed", token + "-b-sent");
        assertThat(templatesOf(internalUser, mine + "&recipient=" + installerB.name()))
                .containsExactly(token + "-b-sent");
        assertThat(templatesOf(internalUser, mine + "&recipient=installer&status=true"))
                .containsExactlyInAnyOrder(token + "-a-sent", token + "-b-sent");
        assertThat(templatesOf(userOfA, mine + "&status=false")).containsExactly(token + "-a-failed");
    }

    @Test
    void pagesWithTheReturnedCursor() {
        var first = page(internalUser, "template=" + token + "&sort=template,asc&size=2");
        var second = page(internalUser, "template=" + token + "&sort=template,asc&size=2&cursor="
                + first.get("nextCursor"));

        assertThat(templates(first)).containsExactly(token + "-a-failed", token + "-a-sent");
        assertThat(templates(second)).containsExactly(token + "-b-sent");
        assertThat(second.get("nextCursor")).isNull();
    }

    @Test
    void aPartnerDownloadsItsOwnFileButNotAnotherCompanys() {
        ResponseEntity<byte[]> own = download(userOfA, sentOfA);
        ResponseEntity<byte[]> others = download(userOfA, sentOfB);
        ResponseEntity<byte[]> failed = download(userOfA, failedOfA);

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).hasSize(sentOfA.fileSize().intValue());
        assertThat(own.getHeaders().getContentType().toString()).startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(own.getHeaders().getContentDisposition().getFilename()).isEqualTo(sentOfA.fileName());
        assertThat(others.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(failed.getStatusCode()).as("a failed export without file").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPlatformUserDownloadsAnyCompanysFile() {
        ResponseEntity<byte[]> file = download(internalUser, sentOfB);

        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(file.getBody(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\uFEFFID;Opportunità;Cliente");
    }

    @Test
    void theQueryServiceAppliesTheSameScope() {
        var rows = history.page(PartnerScope.company(installerB.id()),
                ExportHistoryFilter.ofTemplate(token), HistorySort.desc("createdAt"), null, 500).items();

        assertThat(rows).extracting(row -> row.action().id()).containsExactly(sentOfB.action().id());
    }

    private ExportHistoryRow runExport(Opportunity opportunity, String template, ExportExtension extension,
                                       String smtp, ActionStatus outcome) {
        return runExport(opportunity, template, extension, smtp, outcome, "INSTALLER");
    }

    private ExportHistoryRow runExport(Opportunity opportunity, String template, ExportExtension extension,
                                       String smtp, ActionStatus outcome, String recipient) {
        templates.save(ExportTemplate.of(template, ExportType.OPPORTUNITIES, extension, recipient, smtp));
        String instance = runtime.startProcessInstanceByKey("ExportTestFlow", String.valueOf(opportunity.id()),
                Map.of("exportTemplate", template, "failAfterSend", false)).getId();
        flow.closeSubstate(instance, "ExportReady");
        return awaitRow(history, template, row -> row.action().state() == outcome);
    }

    private ResponseEntity<byte[]> download(String user, ExportHistoryRow row) {
        return rest.withBasicAuth(user, user).getForEntity("/api/history/exports/" + row.action().id() + "/file",
                byte[].class);
    }

    private Map<String, Object> page(String user, String query) {
        var response = rest.withBasicAuth(user, user).exchange("/api/history/exports?" + query, HttpMethod.GET,
                null, new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String user, String query) {
        return (List<Map<String, Object>>) page(user, query).get("items");
    }

    private List<Object> templatesOf(String user, String query) {
        return items(user, query).stream().map(item -> item.get("template")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> templates(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> item.get("template")).toList();
    }
}
