package com.flowstate.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.Browser;
import com.flowstate.support.EmailHistoryRows;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * An open history tab learns about new rows through server push, without a reload and without moving what the user
 * reads: a chip says how many arrived, a click shows them. A partner's chip counts only their own opportunities.
 */
@IntegrationTest
class LiveHistoryBrowserIT {

    private static final By CHIP = By.id("email-history-new-rows");

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired EmailHistoryQuery emails;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOpenEmailTabShowsANewRowsChipWhenAnEmailIsSentAndAClickShowsTheRow() {
        browser = new Browser(port);
        browser.speak("it");
        browser.login(data.admin().getUsername(), "test-admin");
        browser.openActionHistoryTab("tab-email", "email-history-grid");
        browser.waitFor(By.id("email-history-refresh"));
        assertThat(chipShown()).isFalse();

        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), null);
        data.startEmailTestFlow(opportunity, "offer-sent", TestData.WORKING_SMTP, "CUSTOMER", null, false);

        WebElement chip = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(driver -> chipShown() ? driver.findElement(CHIP) : null);
        assertThat(chip.getText()).matches("1 nuova riga|\\d+ nuove righe");
        // Nothing jumped: the grid still shows what it showed before the e-mail.
        assertThat(browser.gridCells("email-history-grid")).doesNotContain(opportunity.name());
        browser.screenshot("live-email-tab-new-rows-chip-it-1440");

        chip.click();
        browser.waitUntil(driver -> browser.gridCells("email-history-grid").contains(opportunity.name()));
        assertThat(chipShown()).isFalse();
    }

    @Test
    void aPartnersChipCountsOnlyTheirOwnOpportunitiesRows() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company other = data.partner(CompanyKind.INSTALLER);
        String user = data.partnerUser(installer);
        browser = new Browser(port);
        browser.speak("es");
        browser.login(user, user);
        browser.openActionHistoryTab("tab-email", "email-history-grid");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.waitFor(By.id("email-history-refresh"));

        Opportunity othersOpportunity = data.opportunity(other, null);
        data.startEmailTestFlow(othersOpportunity, "offer-sent", TestData.WORKING_SMTP, "CUSTOMER", null, false);
        EmailHistoryRows.awaitRow(emails, othersOpportunity.id(), "offer-sent", row -> row.state() == ActionStatus.SUCCEEDED);
        sleep(Duration.ofSeconds(2));
        assertThat(chipShown())
                .as("another company's e-mail is not announced to this partner").isFalse();

        Opportunity own = data.opportunity(installer, null);
        data.startEmailTestFlow(own, "offer-sent", TestData.WORKING_SMTP, "CUSTOMER", null, false);
        EmailHistoryRows.awaitRow(emails, own.id(), "offer-sent", row -> row.state() == ActionStatus.SUCCEEDED);
        int ownRows = EmailHistoryRows.of(emails, own.id()).size();
        String expected = ownRows == 1 ? "1 fila nueva" : ownRows + " filas nuevas";
        browser.waitUntil(driver -> chipShown()
                && driver.findElement(CHIP).getText().equals(expected));
        // On a phone the chip may sit below the fold (the dashboard is above the tabs): bring it into view first.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", browser.driver().findElement(CHIP));
        browser.screenshot("live-email-tab-new-rows-chip-es-390");

        browser.driver().findElement(CHIP).click();
        // On a phone a row is a card: the opportunity's name is part of the card's text.
        browser.waitUntil(driver -> browser.gridCells("email-history-grid").stream()
                .anyMatch(cell -> cell.contains(own.name())));
        assertThat(browser.gridCells("email-history-grid"))
                .noneMatch(cell -> cell.contains(othersOpportunity.name()));
    }

    private boolean chipShown() {
        return browser.driver().findElements(CHIP).stream().anyMatch(WebElement::isDisplayed);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
