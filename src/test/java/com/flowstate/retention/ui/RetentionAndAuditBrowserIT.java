package com.flowstate.retention.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditTrail;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * An admin filters the audit trail and opens a row's field diff (changed fields highlighted, the password masked),
 * edits retention (a value out of range is shown at its field, a valid one saved), and counts the expired rows with a
 * dry run; the same views on a phone in Italian.
 */
@IntegrationTest
class RetentionAndAuditBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail trail;
    @Autowired TransactionTemplate transactions;

    Browser browser;

    @AfterEach
    void closeBrowserAndRestoreRetention() {
        if (browser != null) {
            browser.close();
        }
        jdbc.sql("update retention_setting set days = 1826").update();
    }

    @Test
    void anAdminFiltersTheAuditTrailEditsRetentionAndCountsExpiredRows() {
        String tag = data.unique("relay");
        String other = audited(tag);
        expiredWebhookRow();

        browser = new Browser(port);
        browser.speak("en");
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.login("test-admin", "test-admin");
        assertThat(browser.driver().findElements(By.id("nav-admin"))).isNotEmpty();

        browser.open("/admin/audit");
        // Newest first: both rows just recorded are on the first page until the filter leaves one.
        browser.waitUntil(driver -> browser.gridCells("audit-grid").containsAll(List.of(other, tag + " relay")));
        browser.type(By.cssSelector("#audit-filter-subject input"), tag);
        browser.waitUntil(driver -> !browser.gridCells("audit-grid").contains(other));
        assertThat(browser.gridCells("audit-grid")).contains(tag + " relay");
        clickCell("audit-grid", tag + " relay");
        WebElement host = browser.waitFor(By.cssSelector(".audit-diff-changed[data-field=host]"));
        assertThat(host.getText()).contains("old.example", "new.example");
        assertThat(browser.driver().findElements(By.cssSelector(".audit-diff-line[data-field=port]")).get(0)
                .getDomAttribute("class")).doesNotContain("audit-diff-changed");
        String page = browser.driver().getPageSource();
        assertThat(page).contains(AuditTrail.MASK).doesNotContain("hunter2", "swordfish");
        browser.screenshot("admin-audit-en-1440");

        browser.open("/admin/retention");
        browser.type(By.cssSelector("#retention-days-audit input"), "10");
        browser.waitFor(By.id("retention-save")).click();
        browser.waitUntil(driver -> "true".equals(driver.findElement(By.id("retention-days-audit"))
                .getDomProperty("invalid")));
        assertThat(browser.driver().findElement(By.id("retention-days-audit")).getDomProperty("errorMessage"))
                .isEqualTo("Must be between 90 and 36,500 days");
        assertThat(days("audit")).isEqualTo(1826);

        browser.type(By.cssSelector("#retention-days-audit input"), "3650");
        browser.type(By.cssSelector("#retention-days-email input"), "730");
        browser.waitFor(By.id("retention-save")).click();
        browser.waitUntil(driver -> days("email") == 730);
        assertThat(days("audit")).isEqualTo(3650);

        browser.waitFor(By.id("retention-dry-run")).click();
        browser.waitUntil(driver -> browser.gridCells("retention-expired").contains("Webhooks"));
        assertThat(browser.waitFor(By.id("retention-purge")).isEnabled()).isTrue();
        assertThat(jdbc.sql("select count(*) from webhook_history where execution_key like 'expired-%'")
                .query(Long.class).single()).isPositive();
        browser.screenshot("admin-retention-en-1440");
    }

    @Test
    void onAPhoneInItalianTheTrailShowsCardsAndRetentionItsFields() {
        String tag = data.unique("relay");
        audited(tag);

        browser = new Browser(port);
        browser.speak("it");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.login("test-admin", "test-admin");
        browser.open("/admin/audit");
        browser.type(By.cssSelector("#audit-filter-subject input"), tag);
        browser.waitUntil(driver -> browser.gridCells("audit-grid").stream()
                .anyMatch(cell -> cell.contains(tag + " relay") && cell.contains("Account SMTP")));
        clickCell("audit-grid", tag + " relay");
        browser.waitFor(By.cssSelector(".audit-diff-changed[data-field=host]"));
        browser.screenshot("admin-audit-it-390");

        browser.open("/admin/retention");
        // Clicked by script: on a phone the button sits below the fold, under the dev-mode notice.
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(); arguments[0].click()",
                browser.waitFor(By.id("retention-dry-run")));
        browser.waitUntil(driver -> browser.gridCells("retention-expired").contains("Esportazioni"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.waitFor(By.id("retention-dry-run")));
        browser.screenshot("admin-retention-it-390");
    }

    /** Records an SMTP account's update whose subject holds the tag, and another change's; returns the other's. */
    private String audited(String tag) {
        String other = data.unique("partner");
        SystemAuthentication.runAs(data.admin(), () -> transactions.executeWithoutResult(status -> {
            trail.record(AuditArea.PARTNER, other, AuditChange.CREATED, null, Map.of("name", other));
            trail.record(AuditArea.SMTP_ACCOUNT, tag + " relay", AuditChange.UPDATED,
                    Map.of("host", "old.example", "port", 587, "password", "hunter2"),
                    Map.of("host", "new.example", "port", 587, "password", "swordfish"));
        }));
        return other;
    }

    private void expiredWebhookRow() {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER),
                data.partner(CompanyKind.SELLER));
        jdbc.sql("""
                        insert into webhook_history (execution_key, opportunity_id, process_instance_id, activity_id,
                            url, status, created_at)
                        values (?, ?, 'pi', 'CallWebhook', 'https://erp.example/hook', 'SUCCEEDED', ?)""")
                .params(data.unique("expired"), opportunity.id(),
                        Timestamp.from(Instant.now().minus(Duration.ofDays(6 * 365)))).update();
    }

    private int days(String tab) {
        return jdbc.sql("select days from retention_setting where tab = ?").param(tab).query(Integer.class).single();
    }

    private void clickCell(String gridId, String text) {
        WebElement cell = browser.waitUntil(driver -> driver.findElements(By.cssSelector(
                        "#" + gridId + " vaadin-grid-cell-content")).stream()
                .filter(content -> content.getText().contains(text)).findFirst().orElse(null));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", cell);
    }
}
