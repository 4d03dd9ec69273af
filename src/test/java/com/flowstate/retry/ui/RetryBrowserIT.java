package com.flowstate.retry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.action.email.EmailHistoryRow;
import com.flowstate.history.ActionStatus;
import com.flowstate.mail.SmtpCredentialService;
import com.flowstate.mail.MailSink;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.Browser;
import com.flowstate.support.EmailHistoryRows;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** An admin retries a failed e-mail from the E-mail tab and sees it turn sent; a partner sees no retry controls. */
@IntegrationTest
class RetryBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired SmtpCredentialService credentials;
    @Autowired EmailHistoryQuery history;
    @Autowired MailSink sink;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anAdminSelectsAFailedEmailRetriesItAndSeesItSent() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Opportunity opportunity = data.opportunity(installer, null);
        String account = data.unique("Broken relay");
        credentials.save(account, "127.0.0.1", 9, null, null, "broken@test.example", false);
        data.startEmailTestFlow(opportunity, "offer-sent", account, "CUSTOMER", null, false);
        EmailHistoryRow failed = EmailHistoryRows.awaitRow(history, opportunity.id(), "offer-sent",
                row -> row.state() == ActionStatus.FAILED);
        credentials.save(account, sink.host(), sink.port(), null, null, "fixed@test.example", false);
        data.admin();

        browser.speak("it");
        browser.login("test-admin", "test-admin");
        browser.openActionHistoryTab("tab-email", "email-history-grid");
        browser.type(By.cssSelector("#email-filter-opportunity input"), opportunity.name());
        browser.type(By.cssSelector("#email-filter-smtp input"), account);
        browser.waitUntil(driver -> cells().contains(opportunity.name()) && failedShown() ? true : null);
        browser.screenshot("retry-admin-failed-1440");

        // The row of the broken account: the opportunity's other e-mails (sent through the working one) may still
        // sit in rows the grid keeps hidden for reuse.
        clickRowCheckbox(account);
        browser.screenshot("retry-admin-selected-1440");
        WebElement retrySelected = browser.waitFor(By.id("email-history-retry-selected"));
        browser.waitUntil(driver -> retrySelected.isEnabled() ? true : null);
        retrySelected.click();
        WebElement confirm = browser.waitFor(By.id("retry-confirm-question"));
        assertThat(confirm.getText()).contains("Riprovare la riga selezionata?");
        browser.screenshot("retry-admin-confirm-1440");
        // A click while the dialog still opens (its animation) may be lost: wait until it stands.
        browser.waitUntil(driver -> driver.findElements(By.cssSelector("vaadin-dialog-overlay[opening]")).isEmpty()
                ? true : null);
        browser.waitFor(By.id("retry-confirm-ok")).click();

        waitLong(driver -> !driver.findElements(By.id("retry-progress-text")).isEmpty()
                || !driver.findElements(By.cssSelector("vaadin-notification-card")).isEmpty() ? true : null,
                "retry-admin-no-progress");
        assertThat(browser.driver().findElements(By.cssSelector("vaadin-notification-card")))
                .as("a refusal instead of the progress").allSatisfy(card -> assertThat(card.getText()).isEmpty());
        waitLong(driver -> driver.findElement(By.id("retry-progress-text")).getText()
                .startsWith("1 di 1 completate") ? true : null, "retry-admin-progress-stuck");
        browser.screenshot("retry-admin-progress-1440");
        browser.waitFor(By.id("retry-progress-close")).click();
        waitLong(driver -> sentShown() ? true : null, "retry-admin-not-sent");
        assertThat(cells()).contains(opportunity.name());
        assertThat(failedShown()).isFalse();

        // The row's details show its four attempts, the last one the admin's retry.
        WebElement panel = openDetails(account, "email-history-" + failed.id() + "-retry-panel",
                "retry-admin-details-1440");
        assertThat(panel.getText()).contains("Tentativi", "riprovato da Test admin", "riuscito", "#4");
        browser.screenshot("retry-admin-succeeded-1440");
        assertThat(EmailHistoryRows.of(history, opportunity.id()).stream()
                .filter(row -> row.template().equals("offer-sent"))).singleElement()
                .satisfies(row -> assertThat(row.state()).isEqualTo(ActionStatus.SUCCEEDED));
    }

    @Test
    void aPartnersTabHasNoRetryControls() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Opportunity opportunity = data.opportunity(installer, null);
        String account = data.unique("Broken relay");
        credentials.save(account, "127.0.0.1", 9, null, null, "broken@test.example", false);
        data.startEmailTestFlow(opportunity, "offer-sent", account, "CUSTOMER", null, false);
        EmailHistoryRow failed = EmailHistoryRows.awaitRow(history, opportunity.id(), "offer-sent",
                row -> row.state() == ActionStatus.FAILED);
        String partner = data.partnerUser(installer);

        browser.speak("es");
        browser.login(partner, partner);
        browser.openActionHistoryTab("tab-email", "email-history-grid");
        browser.type(By.cssSelector("#email-filter-smtp input"), account);
        browser.waitUntil(driver -> cells().contains(opportunity.name()) ? true : null);
        WebElement panel = openDetails(account, "email-history-" + failed.id() + "-retry-panel",
                "retry-partner-details-1440");

        assertThat(panel.getText()).contains("Intentos", "fallido", "#3");
        assertThat(browser.driver().findElements(By.id("email-history-retry-selected"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("email-history-retry-all"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("email-history-" + failed.id() + "-retry"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#email-history-grid vaadin-checkbox"))).isEmpty();
    }

    /** Waits up to a minute (a loaded machine runs the retry job late), with a screenshot if it never comes. */
    private void waitLong(java.util.function.Function<org.openqa.selenium.WebDriver, Object> condition,
                          String screenshotOnTimeout) {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException timeout) {
            browser.screenshot(screenshotOnTimeout);
            throw timeout;
        }
    }

    /** The status cell says it in words: "non inviata" (never the seed's false). */
    private boolean failedShown() {
        return cells().stream().anyMatch(cell -> cell.strip().equals("non inviata"));
    }

    private boolean sentShown() {
        return cells().stream().anyMatch(cell -> cell.strip().equals("inviata"));
    }

    /** Clicks the row's cell until its details show the panel (a click while the grid re-renders may be lost). */
    private WebElement openDetails(String cellText, String panelId, String screenshot) {
        clickCell(cellText);
        try {
            return browser.waitFor(By.id(panelId));
        } catch (org.openqa.selenium.TimeoutException notOpened) {
            browser.screenshot(screenshot + "-not-opened");
            clickCell(cellText);
            return browser.waitFor(By.id(panelId));
        } finally {
            browser.screenshot(screenshot);
        }
    }

    private List<String> cells() {
        return browser.gridCells("email-history-grid");
    }

    /** Ticks the selection box in the row whose cell shows this text. */
    private void clickRowCheckbox(String cellText) {
        WebElement box = browser.waitUntil(driver -> (WebElement) ((JavascriptExecutor) driver).executeScript("""
                const grid = document.getElementById('email-history-grid');
                const cells = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .filter(c => c.assignedSlot && c.assignedSlot.closest('#items')
                        && !c.assignedSlot.closest('tr').hidden);
                const named = cells.find(c => c.textContent.trim() === arguments[0]);
                if (!named) return null;
                const row = named.assignedSlot.closest('tr');
                const inRow = cells.find(c => c.assignedSlot.closest('tr') === row && c.querySelector('vaadin-checkbox'));
                return inRow ? inRow.querySelector('vaadin-checkbox') : null;
                """, cellText));
        // A click in the box's own element: a notification at the bottom of the page may cover it.
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", box);
    }

    private void clickCell(String text) {
        WebElement cell = browser.waitUntil(driver -> (WebElement) ((JavascriptExecutor) driver).executeScript("""
                const grid = document.getElementById('email-history-grid');
                return [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .filter(c => c.assignedSlot && c.assignedSlot.closest('#items')
                        && !c.assignedSlot.closest('tr').hidden)
                    .find(c => c.textContent.trim() === arguments[0]) || null;
                """, text));
        // A click in the cell's own element: the status and date columns frozen at the right edge may cover it.
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", cell);
    }
}
