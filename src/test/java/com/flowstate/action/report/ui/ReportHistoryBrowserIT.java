package com.flowstate.action.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.history.ActionStatus;
import com.flowstate.action.report.ReportHistoryQuery;
import com.flowstate.action.report.ReportHistoryRow;
import com.flowstate.action.report.ReportTemplateService;
import com.flowstate.action.report.SampleReportTemplate;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.ReportTestFlows;
import com.flowstate.support.TestData;

/** A partner user finds the reports of their own opportunities and downloads one, in a real Chromium. */
@IntegrationTest
class ReportHistoryBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired RuntimeService runtime;
    @Autowired ReportTemplateService templates;
    @Autowired ReportHistoryQuery history;

    Browser browser;
    Opportunity sent;
    Opportunity failed;
    Opportunity othersFailed;
    ReportHistoryRow sentRow;
    String user;

    @BeforeEach
    void aSentAndAFailedReportOfOneInstallerAndAFailedOneOfAnother() {
        ReportTestFlows flows = new ReportTestFlows(runtime, templates, history);
        flows.sampleTemplate();
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company other = data.partner(CompanyKind.INSTALLER);
        Company seller = data.partner(CompanyKind.SELLER);
        sent = data.opportunity(installer, seller);
        failed = data.opportunity(installer, seller);
        othersFailed = data.opportunity(other, seller);
        sentRow = flows.sendOnClose(sent, SampleReportTemplate.NAME, TestData.WORKING_SMTP, "CUSTOMER",
                row -> row.state() == ActionStatus.SUCCEEDED);
        flows.sendOnClose(failed, "no-such-report", TestData.WORKING_SMTP, "CUSTOMER",
                row -> row.state() == ActionStatus.FAILED);
        flows.sendOnClose(othersFailed, "no-such-report", TestData.WORKING_SMTP, "CUSTOMER",
                row -> row.state() == ActionStatus.FAILED);
        user = data.partnerUser(installer);
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aPartnerFiltersTheReportsTabAndDownloadsTheSentDocument() {
        browser.speak("it");
        browser.login(user, user);
        browser.openActionHistoryTab("tab-reports", "report-history-grid");
        browser.waitUntil(driver -> visibleCells().containsAll(List.of(sent.name(), failed.name())));
        List<String> all = visibleCells();
        browser.screenshot("action-history-reports-partner");

        assertThat(all).contains(sentRow.fileName(), SampleReportTemplate.NAME, "crm@test.example",
                sent.customerEmail(), TestData.WORKING_SMTP).doesNotContain(othersFailed.name());
        assertThat(download(sentRow)).containsExactly(200L, (long) sentRow.documentSize());

        chooseStatus("non inviato");
        browser.waitUntil(driver -> !visibleCells().contains(sent.name()));
        List<String> failures = visibleCells();
        browser.screenshot("action-history-reports-partner-status-false");

        assertThat(failures).contains(failed.name(), "no-such-report", "Modello di report sconosciuto \"no-such-report\"")
                .doesNotContain(sent.name(), othersFailed.name(), sentRow.fileName());
        assertThat(failures).contains("non inviato").doesNotContain("inviato", "true", "false");

        browser.waitFor(By.id("report-history-clear-filters")).click();
        browser.waitUntil(driver -> visibleCells().contains(sent.name()));
        browser.type(By.cssSelector("#report-filter-document input"), SampleReportTemplate.NAME + "_" + sent.id() + "_");
        browser.waitUntil(driver -> !visibleCells().contains(failed.name()));
        browser.screenshot("action-history-reports-partner-document");

        assertThat(visibleCells()).contains(sent.name(), sentRow.fileName()).doesNotContain(failed.name());
    }

    private void chooseStatus(String label) {
        // The tab is wider than the window: bring the filter into view as a user would scroll to it.
        WebElement select = browser.waitFor(By.id("report-filter-status"));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'nearest', inline: 'center'})", select);
        browser.choose(By.id("report-filter-status"), label);
    }

    /** Follows the row's download link inside the signed-in browser session: HTTP status and bytes received. */
    @SuppressWarnings("unchecked")
    private List<Long> download(ReportHistoryRow row) {
        String href = browser.waitFor(By.id("report-document-" + row.id())).getAttribute("href");
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return (List<Long>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                    .then(response => response.arrayBuffer().then(body => done([response.status, body.byteLength])))
                    .catch(() => done([0, 0]));
                """, href);
    }

    private List<String> visibleCells() {
        return browser.gridCells("report-history-grid");
    }
}
