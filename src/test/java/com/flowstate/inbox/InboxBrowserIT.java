package com.flowstate.inbox;

import static com.flowstate.support.AssignmentHistoryRows.awaitTestFlowRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.action.assignment.AssignmentHistoryQuery;
import com.flowstate.action.assignment.AssignmentHistoryRow;
import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.AssignmentZones;
import com.flowstate.support.AssignmentZones.Zone;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * A partner's to-do inbox: an offer that arrives while it is open shows up, and the menu badge counts it, without a
 * reload; the partner accepts it right there. Another installer's offer never shows.
 */
@IntegrationTest
class InboxBrowserIT {

    private static final By BADGE = By.id("nav-inbox-badge");

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired AssignmentHistoryQuery history;
    @Autowired JdbcClient jdbc;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOfferArrivesLiveInTheInboxAndItsBadgeAndThePartnerAcceptsIt() {
        Zone zone = AssignmentZones.next();
        Zone othersZone = AssignmentZones.next();
        Company installer = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        data.partnerCovering(CompanyKind.INSTALLER, othersZone.province());
        String user = data.partnerUser(installer);
        browser = new Browser(port);
        browser.speak("it");
        browser.login(user, user);
        browser.open("/inbox");
        browser.waitFor(By.id("inbox-offers"));
        int before = badge();

        Opportunity others = data.assignInstaller(othersZone.postalCode(1), othersZone.province());
        awaitTestFlowRow(history, others.id(), row -> row.action().state() == ActionStatus.SUCCEEDED);
        Opportunity offered = data.assignInstaller(zone.postalCode(1), zone.province());
        AssignmentHistoryRow row = awaitTestFlowRow(history, offered.id(),
                r -> r.action().state() == ActionStatus.SUCCEEDED);

        WebElement offer = browser.waitFor(By.id("inbox-offer-" + row.action().id()));
        assertThat(offer.getText()).contains(offered.name());
        browser.waitUntil(driver -> badge() > before);
        assertThat(browser.waitFor(By.id("inbox-offers")).getText()).doesNotContain(others.name());
        browser.screenshot("inbox-partner-offer-it-1440");

        int withOffer = badge();
        browser.waitFor(By.id("inbox-accept-" + row.action().id())).click();
        browser.waitUntil(driver -> driver.findElements(By.id("inbox-offer-" + row.action().id())).isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "ACCEPTED".equals(jdbc.sql(
                "select assignment_status from assignment_history where id = ?").param(row.action().id())
                .query(String.class).single()));
        browser.waitUntil(driver -> badge() == withOffer - 1);
    }

    @Test
    void theInboxFitsAPhoneInSpanish() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        String user = data.partnerUser(installer);
        browser = new Browser(port);
        browser.speak("es");
        browser.login(user, user);
        browser.open("/inbox");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        assertThat(browser.waitFor(By.id("inbox-offers")).getText()).isEqualTo("Ninguna asignación pendiente");
        browser.screenshot("inbox-partner-es-390");
    }

    /** The badge's number; 0 while it is hidden. */
    private int badge() {
        return browser.driver().findElements(BADGE).stream().filter(WebElement::isDisplayed).findFirst()
                .map(badge -> Integer.parseInt(badge.getText().replace("+", "").strip())).orElse(0);
    }


}
