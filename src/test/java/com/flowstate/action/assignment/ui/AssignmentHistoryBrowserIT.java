package com.flowstate.action.assignment.ui;

import static com.flowstate.support.AssignmentHistoryRows.awaitTestFlowRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.history.ActionStatus;
import com.flowstate.action.assignment.AssignmentHistoryQuery;
import com.flowstate.action.assignment.AssignmentHistoryRow;
import com.flowstate.action.assignment.AssignmentStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
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
    @Autowired AssignmentHistoryQuery history;

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
        installer = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        other = data.partnerCovering(CompanyKind.INSTALLER, othersZone.province());
        toReject = data.assignInstaller(zone.postalCode(1), zone.province());
        toAccept = data.assignInstaller(zone.postalCode(2), zone.province());
        othersOpportunity = data.assignInstaller(othersZone.postalCode(1), othersZone.province());
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
        browser.speak("it");
        browser.login(user, user);
        browser.openActionHistoryTab("tab-assignment", "assignment-history-grid");
        browser.waitUntil(driver -> visibleCells().containsAll(List.of(toReject.name(), toAccept.name())));
        assertThat(visibleCells()).doesNotContain(othersOpportunity.name(), other.name())
                .contains(installer.name(), "in attesa", "installatore");
        browser.screenshot("action-history-assignment-partner");

        type("assignment-filter-opportunity", toReject.name());
        browser.waitUntil(driver -> !visibleCells().contains(toAccept.name()));
        browser.waitFor(By.id("assignment-reject-" + toRejectRow.action().id())).click();
        browser.type(By.cssSelector("#assignment-reject-reason textarea"), "Nessuna squadra disponibile");
        browser.screenshot("action-history-assignment-partner-reject-dialog");
        browser.waitFor(By.id("assignment-reject-confirm")).click();
        browser.waitUntil(driver -> visibleCells().contains("rifiutata"));
        List<String> afterRejection = visibleCells();
        browser.screenshot("action-history-assignment-partner-rejected");

        assertThat(afterRejection).contains(toReject.name(), "rifiutata");
        // Who rejected and why are in the row's details, opened here through the URL as a shared link would.
        browser.open("/account/history?tab=assignment&opportunity=" + toReject.name() + "&row="
                + toRejectRow.action().id());
        assertThat(browser.waitFor(By.cssSelector("#assignment-history-grid .assignment-details")).getText())
                .contains("Nessuna squadra disponibile");
        browser.waitUntil(driver -> noneDisplayed("assignment-reject-" + toRejectRow.action().id()));
        assertThat(AssignmentHistoryRows.ofTestFlow(history, toReject.id()).get(0).assignmentStatus())
                .isEqualTo(AssignmentStatus.REJECTED);

        browser.waitFor(By.id("assignment-history-clear-filters")).click();
        browser.waitFor(By.id("assignment-accept-" + toAcceptRow.action().id())).click();
        browser.waitUntil(driver -> visibleCells().contains("accettata"));
        browser.choose("assignment-filter-status", "rifiutata");
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
        browser.speak("it");
        browser.login(user, user);
        browser.openActionHistoryTab("tab-assignment", "assignment-history-grid");

        type("assignment-filter-company", other.name());
        browser.waitUntil(driver -> visibleCells().contains(othersOpportunity.name())
                && !visibleCells().contains(installer.name()));
        List<String> others = visibleCells();
        browser.screenshot("action-history-assignment-internal-company");

        assertThat(others).contains(other.name(), "in attesa", "installatore")
                .anyMatch(text -> text.startsWith("provincia ") && text.contains("unica candidata"))
                .doesNotContain(toReject.name(), toAccept.name(), installer.name());
        assertThat(browser.driver().findElements(By.cssSelector("#assignment-history-grid vaadin-button"))
                .stream().filter(WebElement::isDisplayed)).as("platform users do not answer offers").isEmpty();

        browser.choose("assignment-filter-status", "accettata");
        browser.waitUntil(driver -> !visibleCells().contains(othersOpportunity.name()));
        assertThat(visibleCells()).doesNotContain(other.name());
    }



    /** The grid may keep a re-rendered row's old components in the page for a while, hidden. */
    private boolean noneDisplayed(String id) {
        return browser.driver().findElements(By.id(id)).stream().noneMatch(WebElement::isDisplayed);
    }

    private void type(String fieldId, String text) {
        browser.type(By.cssSelector("#" + fieldId + " input"), text);
    }

    private List<String> visibleCells() {
        return browser.gridCells("assignment-history-grid");
    }
}
