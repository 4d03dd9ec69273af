package com.flowstate.history.ui;

import static com.flowstate.support.EmailHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.history.ActionStatus;
import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** A partner user finds the failed e-mails of their own opportunities, in a real Chromium. */
@IntegrationTest
class ActionHistoryBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired EmailHistoryQuery history;

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
    void aPartnerFiltersTheEmailTabToFailedRowsAndSeesOnlyTheirOwn() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company other = data.partner(CompanyKind.INSTALLER);
        Company seller = data.partner(CompanyKind.SELLER);
        Opportunity sent = data.opportunity(installer, seller);
        Opportunity failed = data.opportunity(installer, seller);
        Opportunity othersFailed = data.opportunity(other, seller);
        data.startEmailTestFlow(failed, "no-such-template", TestData.WORKING_SMTP, "CUSTOMER", null, false);
        data.startEmailTestFlow(othersFailed, "no-such-template", TestData.WORKING_SMTP, "CUSTOMER", null, false);
        awaitRow(history, sent.id(), "welcome", row -> row.state() == ActionStatus.SUCCEEDED);
        awaitRow(history, failed.id(), "no-such-template", row -> row.state() == ActionStatus.FAILED);
        awaitRow(history, othersFailed.id(), "no-such-template", row -> row.state() == ActionStatus.FAILED);
        String user = data.partnerUser(installer);

        browser.speak("it");
        browser.login(user, user);
        openActionHistoryFromTheUserMenu();
        browser.waitFor(By.id("tab-email")).click();
        waitForRows();
        assertThat(visibleCells()).anyMatch(text -> text.contains(sent.name()));
        browser.screenshot("action-history-email-partner");

        chooseStatus("non inviata");
        browser.waitUntil(driver -> !visibleCells().contains(sent.name()));
        List<String> cells = visibleCells();
        browser.screenshot("action-history-email-partner-status-failed");

        assertThat(cells).contains(failed.name(), "no-such-template", "Modello e-mail sconosciuto \"no-such-template\"");
        assertThat(cells).doesNotContain(sent.name(), othersFailed.name());
        // The status in words, never the seed's true/false.
        assertThat(cells).contains("non inviata").doesNotContain("inviata", "true", "false");
    }

    @Test
    void aPartnerIsForbiddenCockpit() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        String user = data.partnerUser(installer);

        browser.login(user, user);
        browser.open("/camunda/app/cockpit/default/");

        String page = browser.driver().getPageSource();
        browser.screenshot("cockpit-partner-forbidden");
        assertThat(page).contains("403");
    }

    private void openActionHistoryFromTheUserMenu() {
        browser.openActionHistory();
        browser.waitFor(By.id("email-history-grid"));
    }

    private void chooseStatus(String label) {
        browser.choose("email-filter-status", label);
    }

    private void waitForRows() {
        browser.waitForCells("email-history-grid", 10);
    }

    private List<String> visibleCells() {
        return browser.gridCells("email-history-grid");
    }
}
