package com.flowstate.history.ui;

import static com.flowstate.support.EmailHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.action.email.EmailHistoryRow;
import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * The history tabs as a person uses them, in a real Chromium, at 1440×900 and 390×844, in Italian and Spanish: rows
 * link to their opportunity, the URL keeps tab, filters, sort and the open row (reload and back restore them), the
 * status reads as words (never true/false), a 10,000-character name stays cut, and a phone shows cards.
 */
@IntegrationTest
class HistoryTabsBrowserIT {

    private static final String GRID = "email-history-grid";

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired EmailHistoryQuery history;
    @Autowired JdbcClient jdbc;

    Browser browser;
    Company installer;
    Opportunity sent;
    Opportunity failed;
    Opportunity huge;
    EmailHistoryRow failedRow;

    @BeforeEach
    void partnerWithASentAFailedAndAHugeNamedOpportunity() {
        browser = new Browser(port);
        installer = data.partner(CompanyKind.INSTALLER);
        Company seller = data.partner(CompanyKind.SELLER);
        sent = data.opportunity(installer, seller);
        failed = data.opportunity(installer, seller);
        huge = data.opportunity(installer, seller);
        jdbc.sql("update opportunity set name = ? where id = ?").params("Z".repeat(10_000), huge.id()).update();
        data.startEmailTestFlow(failed, "no-such-template", TestData.WORKING_SMTP, "CUSTOMER", null, false);
        awaitRow(history, sent.id(), "welcome", row -> row.state() == ActionStatus.SUCCEEDED);
        awaitRow(history, huge.id(), "welcome", row -> row.state() == ActionStatus.SUCCEEDED);
        failedRow = awaitRow(history, failed.id(), "no-such-template", row -> row.state() == ActionStatus.FAILED);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aPartnerFiltersSharesTheUrlGoesBackAndOpensTheOpportunityFromARow() {
        String user = data.partnerUser(installer);
        desktop();
        browser.speak("it");
        browser.login(user, user);
        browser.openActionHistory();
        browser.waitForCells(GRID, 5);
        assertNoTrueOrFalse();
        assertThat(browser.gridCells(GRID)).contains(t("it", "history.email.state.SUCCEEDED"));

        browser.choose("email-filter-status", t("it", "history.email.state.FAILED"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("status=false"));
        browser.waitUntil(d -> !browser.gridCells(GRID).contains(t("it", "history.email.state.SUCCEEDED")));
        assertThat(browser.driver().getCurrentUrl()).contains("tab=email");
        browser.screenshot("history-tabs-partner-it-1440-filtered");

        // A reload (or the link shared) shows the same filter; back goes to the unfiltered tab.
        browser.driver().navigate().refresh();
        browser.waitForCells(GRID, 3);
        assertThat(selectText("email-filter-status")).isEqualTo(t("it", "history.email.state.FAILED"));
        assertThat(browser.gridCells(GRID)).doesNotContain(t("it", "history.email.state.SUCCEEDED"));
        browser.driver().navigate().back();
        browser.waitUntil(d -> !d.getCurrentUrl().contains("status=false"));
        browser.waitUntil(d -> browser.gridCells(GRID).contains(t("it", "history.email.state.SUCCEEDED")));
        assertThat(selectText("email-filter-status")).isEqualTo(t("it", "history.filter.any"));

        browser.open("/account/history?tab=email&status=false&opportunity=" + failed.name());
        browser.waitUntil(d -> browser.gridCells(GRID).contains("no-such-template"));
        browser.waitFor(By.cssSelector("#" + GRID + " a.history-opportunity[href='opportunities/" + failed.id()
                + "']")).click();
        browser.waitUntil(d -> d.getCurrentUrl().equals("http://localhost:" + port + "/opportunities/" + failed.id()));
    }

    @Test
    void aTenThousandCharacterNameStaysCutAndStatusAndDateStayInView() {
        String user = data.partnerUser(installer);
        desktop();
        browser.speak("es");
        browser.login(user, user);
        browser.open("/account/history?tab=email&opportunityId=" + huge.id());
        browser.waitForCells(GRID, 2);
        // The date column's cells may render a moment after the first cells.
        Map<String, Object> layout = browser.waitUntil(d -> {
            Map<String, Object> now = layoutOf();
            return ((Number) now.get("dateRight")).doubleValue() > 0 ? now : null;
        });
        browser.screenshot("history-tabs-partner-es-1440-huge-name");
        assertThat(((Number) layout.get("nameWidth")).doubleValue()).isLessThan(300);
        assertThat(((Number) layout.get("statusRight")).doubleValue()).isLessThanOrEqualTo(1440);
        assertThat(((Number) layout.get("dateRight")).doubleValue()).isLessThanOrEqualTo(1440);
        assertThat(((Number) layout.get("dateRight")).doubleValue()).isGreaterThan(0);
        assertNoTrueOrFalse();
    }

    @Test
    void theUrlOpensARowsDetailsAndBadValuesFallBackToDefaults() {
        String user = data.partnerUser(installer);
        desktop();
        browser.speak("it");
        browser.login(user, user);
        browser.open("/account/history?tab=email&opportunityId=" + failed.id() + "&row=" + failedRow.id());
        browser.waitFor(By.cssSelector("#" + GRID + " .email-error"));
        assertThat(browser.driver().findElement(By.cssSelector("#" + GRID + " .email-error")).getText())
                .contains("no-such-template");
        browser.screenshot("history-tabs-partner-it-1440-row-details");

        browser.open("/account/history?tab=nope&from=garbage&to=2026-13-45&sort=,&dir=sideways&row=x&status=maybe");
        browser.waitForCells(GRID, 3);
        assertThat(browser.driver().getPageSource()).doesNotContain("Could not navigate", "Exception");
        assertThat(selectText("email-filter-status")).isEqualTo(t("it", "history.filter.any"));
    }

    @Test
    void onAPhoneTheTabsShowCardsAndTheHeaderFitsOneLine() {
        phone();
        for (String language : new String[] {"it", "es"}) {
            browser.speak(language);
            browser.login(data.admin().getUsername(), data.admin().getUsername());
            browser.open("/account/history?tab=email&opportunity=" + sent.name());
            browser.waitFor(By.cssSelector("#" + GRID + " .history-card"));
            browser.screenshot("history-tabs-admin-" + language + "-390-cards");
            assertNoTrueOrFalse();

            Map<String, Object> header = headerLayout();
            assertThat(((Number) header.get("titleHeight")).doubleValue()).as("title on one line").isLessThan(40);
            assertThat(((Number) header.get("menuRight")).doubleValue()).as("user menu inside").isLessThanOrEqualTo(390);
            assertThat(((Number) header.get("pageWidth")).doubleValue()).as("no sideways scroll").isLessThanOrEqualTo(390);
            String card = browser.driver().findElement(By.cssSelector("#" + GRID + " .history-card")).getText();
            assertThat(card).contains(sent.name()).contains(t(language, "history.email.state.SUCCEEDED"));
            browser.driver().manage().deleteAllCookies();
        }
        String user = data.partnerUser(installer);
        browser.speak("it");
        browser.login(user, user);
        browser.open("/account/history?tab=assignment");
        browser.waitFor(By.id("assignment-history-grid"));
        browser.screenshot("history-tabs-partner-it-390-assignment");
        browser.open("/account/history?tab=email");
        browser.waitFor(By.cssSelector("#" + GRID + " .history-card"));
        browser.screenshot("history-tabs-partner-it-390-cards");
        assertNoTrueOrFalse();
    }

    private void desktop() {
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
    }

    private void phone() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
    }

    private void assertNoTrueOrFalse() {
        String text = (String) js("return document.body.innerText;");
        assertThat(text.toLowerCase(Locale.ROOT)).doesNotContainPattern("\\btrue\\b").doesNotContainPattern("\\bfalse\\b");
    }

    private String selectText(String id) {
        return ((String) js("const s = document.getElementById(arguments[0]);"
                + "const v = s.querySelector('vaadin-select-value-button');"
                + "return v ? v.innerText.trim() : '';", id));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> layoutOf() {
        return (Map<String, Object>) js("""
                const grid = document.getElementById(arguments[0]);
                const rect = el => el ? el.getBoundingClientRect() : {width: -1, right: -1};
                const name = [...grid.querySelectorAll('a.history-opportunity')]
                    .filter(a => a.textContent.startsWith('ZZZZ'))[0];
                const cellOf = el => el ? el.closest('vaadin-grid-cell-content') : null;
                const status = grid.querySelector('.history-status');
                // A time of day, "9:05" or "23:15" (the hour has one digit before 10 in Rome).
                const dates = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .filter(c => /\\d{1,2}:\\d{2}/.test(c.textContent) && c.assignedSlot);
                return {nameWidth: rect(cellOf(name)).width, statusRight: rect(status).right,
                        dateRight: dates.length ? rect(dates[0]).right : -1};
                """, GRID);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> headerLayout() {
        return (Map<String, Object>) js("""
                const title = document.getElementById('view-title').getBoundingClientRect();
                const menu = document.getElementById('user-menu').getBoundingClientRect();
                return {titleHeight: title.height, menuRight: menu.right,
                        pageWidth: document.documentElement.scrollWidth};
                """);
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    private static String t(String language, String key) {
        return ResourceBundle.getBundle("vaadin-i18n/translations", Locale.forLanguageTag(language)).getString(key);
    }
}
