package com.flowstate.history.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

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
 * The dashboard above the history tabs counts what the tabs hold, in the reader's scope, and each number links to
 * the tab filtered the same way.
 */
@IntegrationTest
class ActionHistoryDashboardBrowserIT {

    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired EmailHistoryQuery emails;
    @Autowired JdbcClient jdbc;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPartnersDashboardCountsOnlyTheirRowsAndLinksToTheFilteredTab() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company other = data.partner(CompanyKind.INSTALLER);
        Opportunity own = data.opportunity(installer, null);
        Opportunity others = data.opportunity(other, null);
        data.startEmailTestFlow(own, "offer-sent", TestData.WORKING_SMTP, "CUSTOMER", null, false);
        data.startEmailTestFlow(own, "offer-sent", TestData.DEAD_SMTP, "CUSTOMER", null, false);
        data.startEmailTestFlow(others, "offer-sent", TestData.WORKING_SMTP, "CUSTOMER", null, false);
        EmailHistoryRows.awaitRow(emails, own.id(), "offer-sent", row -> row.state() == ActionStatus.FAILED);
        EmailHistoryRows.awaitRow(emails, own.id(), "offer-sent", row -> row.state() == ActionStatus.SUCCEEDED);
        EmailHistoryRows.awaitRow(emails, others.id(), "offer-sent", row -> row.state() == ActionStatus.SUCCEEDED);
        String user = data.partnerUser(installer);

        browser = new Browser(port);
        browser.speak("it");
        browser.login(user, user);
        browser.openActionHistory();
        long succeeded = number("dashboard-email-7-succeeded");
        long failed = number("dashboard-email-30-failed");
        browser.screenshot("history-dashboard-partner-it-1440");

        LocalDate weekAgo = LocalDate.now(ZONE).minusDays(6);
        assertThat(succeeded).isEqualTo(emailRows(installer.id(), "SUCCEEDED", weekAgo)).isPositive()
                .isLessThan(emailRows(null, "SUCCEEDED", weekAgo));
        assertThat(failed).isEqualTo(emailRows(installer.id(), "FAILED", LocalDate.now(ZONE).minusDays(29)))
                .isPositive();

        WebElement link = browser.waitFor(By.id("dashboard-email-7-succeeded"));
        assertThat(link.getAttribute("href")).endsWith("/account/history?tab=email&status=true&from=" + weekAgo);
        link.click();
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("tab=email&status=true&from=" + weekAgo));
    }

    @Test
    void theDashboardIsReadableOnAPhoneInSpanish() {
        browser = new Browser(port);
        browser.speak("es");
        browser.login(data.admin().getUsername(), "test-admin");
        browser.openActionHistory();
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.waitFor(By.id("dashboard-email"));
        browser.screenshot("history-dashboard-admin-es-390");
        assertThat(browser.waitFor(By.id("history-dashboard")).getText())
                .contains("Resumen de acciones", "últimos 7 días", "últimos 30 días");
    }

    private long number(String id) {
        return Long.parseLong(browser.waitFor(By.id(id)).getText().strip());
    }

    /** What the e-mail tab holds: rows of this status since the day, of this company's opportunities (or all). */
    private long emailRows(Long company, String status, LocalDate since) {
        return jdbc.sql("""
                        select count(*) from email_history h join opportunity o on o.id = h.opportunity_id
                         where h.status = ? and h.created_at >= ?
                           and (cast(? as bigint) is null or o.installer_id = ? or o.seller_id = ?)""")
                .params(status, Timestamp.from(since.atStartOfDay(ZONE).toInstant()), company, company, company)
                .query(Long.class).single();
    }
}
