package com.flowstate.action.webhook.ui;

import static com.flowstate.support.WebhookHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.action.webhook.WebhookHistoryQuery;
import com.flowstate.flow.FlowService;
import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;
import com.flowstate.support.WebhookReceiver;

/** A partner user finds the rejected webhook calls of their own opportunities on the Webhook tab, in a real Chromium. */
@IntegrationTest
class WebhookHistoryBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired FlowService flow;
    @Autowired WebhookHistoryQuery history;

    Browser browser;
    WebhookReceiver receiver;

    @BeforeEach
    void openBrowserAndReceiver() {
        receiver = new WebhookReceiver();
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowserAndReceiver() {
        browser.close();
        receiver.close();
    }

    @Test
    void aPartnerFiltersTheWebhookTabToRejectedCallsAndSeesOnlyTheirOwn() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company other = data.partner(CompanyKind.INSTALLER);
        Opportunity accepted = data.opportunity(installer, null);
        Opportunity rejected = data.opportunity(installer, null);
        Opportunity othersRejected = data.opportunity(other, null);
        String rejectedUrl = receiver.url(410, data.unique("esign"));
        call(accepted, receiver.url(200, data.unique("erp")));
        call(rejected, rejectedUrl);
        call(othersRejected, receiver.url(410, data.unique("esign")));
        awaitRow(history, accepted.id(), row -> row.action().state() == ActionStatus.SUCCEEDED);
        awaitRow(history, rejected.id(), row -> row.action().state() == ActionStatus.FAILED);
        awaitRow(history, othersRejected.id(),
                row -> row.action().state() == ActionStatus.FAILED);
        String user = data.partnerUser(installer);

        browser.speak("it");
        browser.login(user, user);
        openActionHistoryFromTheUserMenu();
        // The seven tabs of the application, the webhook's last; a test-only action's tab (noop) may follow them.
        assertThat(browser.tabIds()).startsWith("tab-email", "tab-activities", "tab-substates", "tab-assignment",
                "tab-reports", "tab-exports", "tab-webhooks");
        browser.waitFor(By.id("tab-webhooks")).click();
        browser.waitFor(By.id("webhook-history-grid"));
        browser.waitUntil(driver -> visibleCells().contains(accepted.name()) && visibleCells().contains(rejected.name()));
        assertThat(visibleCells()).doesNotContain(othersRejected.name());
        browser.screenshot("action-history-webhooks-partner");

        chooseStatus("non riuscita");
        browser.waitUntil(driver -> !visibleCells().contains(accepted.name()));
        List<String> cells = visibleCells();
        browser.screenshot("action-history-webhooks-partner-status-false");

        assertThat(cells).contains(rejected.name(), rejectedUrl, "410", "HTTP 410 da " + rejectedUrl);
        assertThat(cells).doesNotContain(accepted.name(), othersRejected.name());
        assertThat(cells).contains("non riuscita").doesNotContain("riuscita", "true", "false");

        browser.waitFor(By.id("webhook-history-clear-filters")).click();
        browser.waitUntil(driver -> visibleCells().contains(accepted.name()));
        browser.type(By.cssSelector("#webhook-filter-response-code input"), "200");
        browser.waitUntil(driver -> !visibleCells().contains(rejected.name()));
        assertThat(visibleCells()).contains(accepted.name(), "200");
        browser.screenshot("action-history-webhooks-partner-code-200");
    }

    private void call(Opportunity opportunity, String url) {
        String processInstance = data.startWebhookTestFlow(opportunity, url, null, null, false);
        flow.closeSubstate(processInstance, "ContractSigning");
    }

    private void openActionHistoryFromTheUserMenu() {
        browser.openActionHistory();
        browser.waitFor(By.id("email-history-grid"));
    }

    private void chooseStatus(String label) {
        browser.choose("webhook-filter-status", label);
    }

    private List<String> visibleCells() {
        return browser.gridCells("webhook-history-grid");
    }
}
