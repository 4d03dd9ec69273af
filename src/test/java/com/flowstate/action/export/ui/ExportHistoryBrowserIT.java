package com.flowstate.action.export.ui;

import static com.flowstate.support.ExportHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.action.export.ExportExtension;
import com.flowstate.action.export.ExportHistoryQuery;
import com.flowstate.action.export.ExportHistoryRow;
import com.flowstate.action.export.ExportTemplate;
import com.flowstate.action.export.ExportTemplateService;
import com.flowstate.action.export.ExportType;
import com.flowstate.flow.FlowService;
import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** A partner user finds its exports in the Exports tab, filters them and downloads its file, in a real Chromium. */
@IntegrationTest
class ExportHistoryBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired ExportTemplateService templates;
    @Autowired ExportHistoryQuery history;
    @Autowired RuntimeService runtime;
    @Autowired FlowService flow;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aPartnerFiltersTheExportsTabAndDownloadsItsOwnFile() {
        String token = data.unique("tab");
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company other = data.partner(CompanyKind.INSTALLER);
        ExportHistoryRow sent = runExport(data.opportunity(installer, null), token + "-sent", ExportExtension.XLSX,
                TestData.WORKING_SMTP, ActionStatus.SUCCEEDED);
        runExport(data.opportunity(installer, null), token + "-failed", ExportExtension.CSV, "no-such-account",
                ActionStatus.FAILED);
        runExport(data.opportunity(other, null), token + "-others", ExportExtension.CSV, TestData.WORKING_SMTP,
                ActionStatus.SUCCEEDED);
        String user = data.partnerUser(installer);

        browser.speak("it");
        browser.login(user, user);
        browser.openActionHistoryTab("tab-exports", "export-history-grid");
        browser.type(By.cssSelector("#export-filter-template input"), token);
        browser.waitUntil(driver -> visibleCells().contains(token + "-failed"));
        List<String> cells = visibleCells();
        browser.screenshot("action-history-exports-partner");

        assertThat(cells).contains(token + "-sent", token + "-failed", "xlsx", "csv",
                "Credenziali SMTP sconosciute \"no-such-account\"");
        assertThat(cells).filteredOn(text -> text.startsWith(installer.email())).hasSize(2);
        assertThat(cells).filteredOn(text -> text.equals("inviata")).hasSize(1);
        assertThat(cells).filteredOn(text -> text.equals("non inviata")).hasSize(1);
        assertThat(cells).doesNotContain("true", "false");
        assertThat(cells).doesNotContain(token + "-others");

        browser.choose("export-filter-status", "non inviata");
        browser.waitUntil(driver -> !visibleCells().contains(token + "-sent"));
        assertThat(visibleCells()).contains(token + "-failed");
        browser.choose("export-filter-status", "inviata");
        browser.waitUntil(driver -> !visibleCells().contains(token + "-failed"));
        assertThat(visibleCells()).contains(token + "-sent");
        browser.choose("export-filter-extension", "xlsx");
        browser.waitUntil(driver -> visibleCells().contains(token + "-sent"));
        browser.screenshot("action-history-exports-partner-filtered");

        WebElement download = browser.waitFor(By.id("export-download-" + sent.action().id()));
        Map<String, Object> fetched = fetch(download.getAttribute("href"));
        assertThat(fetched).containsEntry("status", 200L)
                .containsEntry("length", sent.fileSize())
                .containsEntry("type", ExportExtension.XLSX.contentType());
    }

    private ExportHistoryRow runExport(Opportunity opportunity, String template, ExportExtension extension,
                                       String smtp, ActionStatus outcome) {
        templates.save(ExportTemplate.of(template, ExportType.OPPORTUNITIES, extension, "INSTALLER", smtp));
        String instance = runtime.startProcessInstanceByKey("ExportTestFlow", String.valueOf(opportunity.id()),
                Map.of("exportTemplate", template, "failAfterSend", false)).getId();
        flow.closeSubstate(instance, "ExportReady");
        return awaitRow(history, template, row -> row.action().state() == outcome);
    }

    /** Downloads with the browser's own session, as a click would, and reports what came back. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String href) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async response => {
                    const body = await response.arrayBuffer();
                    done({status: response.status, length: body.byteLength,
                          type: response.headers.get('content-type')});
                }).catch(error => done({error: String(error)}));
                """, href);
    }

    private List<String> visibleCells() {
        return browser.gridCells("export-history-grid");
    }
}
