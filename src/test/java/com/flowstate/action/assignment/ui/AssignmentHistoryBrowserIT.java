package com.flowstate.action.assignment.ui;

import static com.flowstate.support.AssignmentHistoryRows.awaitTestFlowRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.history.ActionStatus;
import com.flowstate.action.assignment.AssignmentHistoryQuery;
import com.flowstate.action.assignment.AssignmentHistoryRow;
import com.flowstate.action.assignment.AssignmentStatus;
import com.flowstate.flow.FlowService;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.partner.PartnerZoneService;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.AssignmentHistoryRows;
import com.flowstate.support.AssignmentZones;
import com.flowstate.support.AssignmentZones.Zone;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * The Assignment tab in a real Chromium: a partner user filters it, rejects one offer and accepts another; an
 * internal user filters it by assigned company and status.
 */
@IntegrationTest
class AssignmentHistoryBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired PartnerZoneService zones;
    @Autowired AssignmentHistoryQuery history;
    @Autowired FlowService flow;

    Browser browser;
    Company installer;
    Company other;
    Opportunity toReject;
    Opportunity toAccept;
    Opportunity othersOpportunity;
    AssignmentHistoryRow toRejectRow;
    AssignmentHistoryRow toAcceptRow;

    @BeforeEach
    void twoOffersToOneInstallerAndOneToAnother() {
        Zone zone = AssignmentZones.next();
        Zone othersZone = AssignmentZones.next();
        installer = installerCovering(zone.province());
        other = installerCovering(othersZone.province());
        toReject = assignInstaller(zone.postalCode(1), zone.province());
        toAccept = assignInstaller(zone.postalCode(2), zone.province());
        othersOpportunity = assignInstaller(othersZone.postalCode(1), othersZone.province());
        toRejectRow = awaitTestFlowRow(history, toReject.id(), row -> row.action().state() == ActionStatus.SUCCEEDED);
        toAcceptRow = awaitTestFlowRow(history, toAccept.id(), row -> row.action().state() == ActionStatus.SUCCEEDED);
        awaitTestFlowRow(history, othersOpportunity.id(), row -> row.action().state() == ActionStatus.SUCCEEDED);
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aPartnerRejectsOneOfferAndAcceptsAnotherFromTheAssignmentTab() {
        String user = data.partnerUser(installer);
        speakItalian();
        browser.login(user, user);
        openAssignmentTabFromTheUserMenu();
        browser.waitUntil(driver -> visibleCells().containsAll(List.of(toReject.name(), toAccept.name())));
        assertThat(visibleCells()).doesNotContain(othersOpportunity.name(), other.name())
                .contains(installer.name(), "in attesa", "installatore");
        browser.screenshot("action-history-assignment-partner");

        type("assignment-filter-opportunity", toReject.name());
        browser.waitUntil(driver -> !visibleCells().contains(toAccept.name()));
        browser.waitFor(By.id("assignment-reject-" + toRejectRow.action().id())).click();
        type(By.cssSelector("#assignment-reject-reason textarea"), "Nessuna squadra disponibile");
        browser.screenshot("action-history-assignment-partner-reject-dialog");
        browser.waitFor(By.id("assignment-reject-confirm")).click();
        browser.waitUntil(driver -> visibleCells().contains("rifiutata"));
        List<String> afterRejection = visibleCells();
        browser.screenshot("action-history-assignment-partner-rejected");

        assertThat(afterRejection).contains(toReject.name(), "rifiutata")
                .anyMatch(text -> text.contains("Nessuna squadra disponibile"));
        browser.waitUntil(driver -> noneDisplayed("assignment-reject-" + toRejectRow.action().id()));
        assertThat(AssignmentHistoryRows.ofTestFlow(history, toReject.id()).get(0).assignmentStatus())
                .isEqualTo(AssignmentStatus.REJECTED);

        browser.waitFor(By.id("assignment-history-clear-filters")).click();
        browser.waitFor(By.id("assignment-accept-" + toAcceptRow.action().id())).click();
        browser.waitUntil(driver -> visibleCells().contains("accettata"));
        choose("assignment-filter-decision", "rifiutata");
        browser.waitUntil(driver -> !visibleCells().contains(toAccept.name()));
        List<String> rejectedOnly = visibleCells();
        browser.screenshot("action-history-assignment-partner-status-rejected");

        assertThat(rejectedOnly).contains(toReject.name(), "rifiutata").doesNotContain("accettata", "in attesa");
        assertThat(AssignmentHistoryRows.ofTestFlow(history, toAccept.id()).get(0).assignmentStatus())
                .isEqualTo(AssignmentStatus.ACCEPTED);
    }

    @Test
    void anInternalUserFiltersByAssignedCompanyAndStatus() {
        String user = data.internalUser();
        speakItalian();
        browser.login(user, user);
        openAssignmentTabFromTheUserMenu();

        type("assignment-filter-company", other.name());
        browser.waitUntil(driver -> visibleCells().contains(othersOpportunity.name())
                && !visibleCells().contains(installer.name()));
        List<String> others = visibleCells();
        browser.screenshot("action-history-assignment-internal-company");

        assertThat(others).contains(other.name(), "in attesa", "installatore")
                .anyMatch(text -> text.startsWith("true") && text.contains("assegnata"))
                .anyMatch(text -> text.startsWith("provincia ") && text.contains("unica candidata"))
                .doesNotContain(toReject.name(), toAccept.name(), installer.name());
        assertThat(browser.driver().findElements(By.cssSelector("#assignment-history-grid vaadin-button"))
                .stream().filter(WebElement::isDisplayed)).as("platform users do not answer offers").isEmpty();

        choose("assignment-filter-decision", "accettata");
        browser.waitUntil(driver -> !visibleCells().contains(othersOpportunity.name()));
        assertThat(visibleCells()).doesNotContain(other.name());
    }

    private Company installerCovering(String province) {
        Company company = data.partner(CompanyKind.INSTALLER);
        SystemAuthentication.runAs(data.admin(), () -> zones.addProvince(company.id(), province));
        return company;
    }

    /** An opportunity at the address whose test flow has reached its Assign installer action. */
    private Opportunity assignInstaller(String postalCode, String province) {
        Opportunity opportunity = data.opportunityAt(postalCode, province);
        String processInstance = data.startAssignmentTestFlow(opportunity, "INSTALLER");
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> flow.closeSubstate(processInstance, "TestQualified"));
        return opportunity;
    }

    /** The labels asserted are the Italian ones, whatever language the browser asks for. */
    private void speakItalian() {
        browser.open("/login");
        browser.driver().manage().addCookie(new Cookie("flowstate-language", "it"));
    }

    private void openAssignmentTabFromTheUserMenu() {
        browser.waitFor(By.id("user-menu-button")).click();
        WebElement account = browser.waitFor(By.id("account-information"));
        new Actions(browser.driver()).moveToElement(account).click().perform();
        browser.waitFor(By.id("menu-action-history")).click();
        browser.waitFor(By.id("tab-assignment")).click();
        browser.waitFor(By.id("assignment-history-grid"));
    }

    /** The grid may keep a re-rendered row's old components in the page for a while, hidden. */
    private boolean noneDisplayed(String id) {
        return browser.driver().findElements(By.id(id)).stream().noneMatch(WebElement::isDisplayed);
    }

    private void type(String fieldId, String text) {
        type(By.cssSelector("#" + fieldId + " input"), text);
    }

    private void type(By locator, String text) {
        WebElement field = browser.waitFor(locator);
        field.clear();
        field.sendKeys(text);
    }

    private void choose(String selectId, String label) {
        browser.waitFor(By.id(selectId)).click();
        browser.waitUntil(driver -> driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().strip().equals(label))
                .findFirst().orElse(null)).click();
    }

    /** Texts of the grid's body cells that are rendered now (Vaadin keeps cell contents in the light DOM). */
    @SuppressWarnings("unchecked")
    private List<String> visibleCells() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const grid = document.getElementById('assignment-history-grid');
                if (!grid) { return []; }
                return [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .filter(c => c.assignedSlot && c.assignedSlot.parentElement
                        && c.assignedSlot.parentElement.parentElement
                        && c.assignedSlot.parentElement.parentElement.parentElement
                        && c.assignedSlot.parentElement.parentElement.parentElement.id === 'items'
                        && !c.assignedSlot.parentElement.parentElement.hidden)
                    .map(c => c.textContent.trim())
                    .filter(t => t.length > 0);
                """);
    }
}
