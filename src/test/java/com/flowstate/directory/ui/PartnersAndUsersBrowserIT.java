package com.flowstate.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.support.AssignmentZones;
import com.flowstate.support.AssignmentZones.Zone;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * An admin creates a partner with its zones (a wrong zone first, refused at its field), edits it, creates a user of
 * it and resets their password; the user signs in with the temporary password, is kept on "choose a new password",
 * and never sees the admin menu. Screenshots at 1440×900 (English) and 390×844 (Italian).
 */
@IntegrationTest
class PartnersAndUsersBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminCreatesAndEditsAPartnerAndItsUserWhoMustChooseANewPasswordAndSeesNoAdminMenu() {
        data.admin();
        Zone zone = AssignmentZones.next();
        String partner = data.unique("Impianti Browser");
        String username = data.unique("tecnico");
        browser = new Browser(port);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.speak("en");
        browser.login("test-admin", "test-admin");

        browser.open("/admin/partners");
        browser.waitFor(By.id("nav-admin"));
        browser.waitFor(By.id("partner-new")).click();
        browser.type(By.cssSelector("#partner-name input"), partner);
        browser.type(By.cssSelector("#partner-email input"), "ufficio@impianti.test");
        browser.type(By.cssSelector("#partner-zones input"), zone.province() + ", XX");
        browser.waitFor(By.id("partner-save")).click();
        WebElement zones = browser.waitUntil(d -> invalid(d, "partner-zones"));
        assertThat(zones.getDomProperty("errorMessage")).isEqualTo("\"XX\" is not an Italian province");
        browser.screenshot("admin-partner-invalid-zone-en-1440");

        browser.type(By.cssSelector("#partner-zones input"), zone.province() + ", " + zone.prefix() + "*");
        browser.waitFor(By.id("partner-save")).click();
        // The suite's other tests create partners too: find this one as an admin would, by its name.
        waitForNoDialog();
        browser.type(By.cssSelector("#partner-search input"), partner);
        waitForTheOnlyRow("partner-grid", partner);
        assertThat(browser.gridCells("partner-grid")).contains(zone.province() + ", " + zone.prefix() + "*");

        clickCell("partner-grid", partner);
        browser.waitFor(By.id("partner-deactivate"));
        browser.type(By.cssSelector("#partner-email input"), "nuovo@impianti.test");
        browser.waitFor(By.id("partner-save")).click();
        browser.waitUntil(d -> browser.gridCells("partner-grid").contains("nuovo@impianti.test"));
        browser.screenshot("admin-partners-en-1440");
        assertThat(auditRows("PARTNER", partner)).containsExactly("CREATED", "UPDATED");

        browser.open("/admin/users");
        browser.waitFor(By.id("user-new")).click();
        browser.type(By.cssSelector("#user-username input"), username);
        browser.type(By.cssSelector("#user-display-name input"), "Tecnico Browser");
        browser.choose("user-company", partner + " (Installer)");
        browser.waitFor(By.id("user-save")).click();
        WebElement roles = browser.waitUntil(d -> invalid(d, "user-roles"));
        assertThat(roles.getDomProperty("errorMessage")).isEqualTo("Choose at least one role");
        browser.waitUntil(d -> d.findElements(By.cssSelector("#user-roles vaadin-checkbox")).stream()
                .filter(box -> box.getText().strip().equals("Partner")).findFirst().orElse(null)).click();
        browser.waitFor(By.id("user-save")).click();
        String created = temporaryPassword();
        browser.waitFor(By.id("user-temporary-close")).click();
        waitForNoDialog();
        browser.type(By.cssSelector("#user-search input"), username);
        waitForTheOnlyRow("user-grid", username);

        clickCell("user-grid", username);
        browser.waitFor(By.id("user-reset-password")).click();
        String reset = temporaryPassword();
        browser.screenshot("admin-users-reset-en-1440");
        browser.waitFor(By.id("user-temporary-close")).click();
        assertThat(reset).isNotEqualTo(created);
        assertThat(auditRows("USER", username)).containsExactly("CREATED", "UPDATED");

        // Italian on a phone: the partner list as cards.
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.driver().manage().addCookie(new org.openqa.selenium.Cookie("flowstate-language", "it"));
        browser.open("/admin/partners");
        browser.waitUntil(d -> browser.gridCells("partner-grid").stream().anyMatch(cell -> cell.contains(partner)
                && cell.contains("Installatore")));
        browser.screenshot("admin-partners-it-390");

        // The user signs in with the temporary password: only "choose a new password", and no admin menu.
        // Off the Vaadin page first, so no request of the admin's page runs while its session cookie goes.
        browser.open("/favicon.ico");
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().addCookie(new org.openqa.selenium.Cookie("flowstate-language", "it"));
        browser.login(username, reset);
        browser.waitFor(By.id("password-new"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/choose-password");
        assertThat(browser.driver().findElements(By.id("nav-admin"))).isEmpty();
        browser.type(By.cssSelector("#password-new input"), "corta");
        browser.type(By.cssSelector("#password-repeat input"), "corta");
        browser.waitFor(By.id("password-save")).click();
        WebElement password = browser.waitUntil(d -> invalid(d, "password-new"));
        assertThat(password.getDomProperty("errorMessage")).isEqualTo("Almeno 10 caratteri");
        browser.screenshot("choose-password-it-390");
        browser.open("/");
        browser.waitFor(By.id("password-new"));
        browser.type(By.cssSelector("#password-new input"), "una-password-lunga");
        browser.type(By.cssSelector("#password-repeat input"), "una-password-lunga");
        browser.waitFor(By.id("password-save")).click();
        browser.waitUntil(d -> !d.getCurrentUrl().endsWith("/choose-password"));
        browser.waitFor(By.id("user-menu"));
        assertThat(browser.driver().findElements(By.id("nav-admin"))).isEmpty();
    }

    private static WebElement invalid(WebDriver driver, String id) {
        WebElement field = driver.findElement(By.id(id));
        return "true".equals(field.getDomProperty("invalid")) ? field : null;
    }

    private String temporaryPassword() {
        return browser.waitUntil(d -> {
            String value = d.findElement(By.cssSelector("#user-temporary-password input")).getDomProperty("value");
            return value == null || value.isEmpty() ? null : value;
        });
    }

    /** A closing dialog still covers the view for a moment: the fields under it cannot be typed in. */
    private void waitForNoDialog() {
        browser.waitUntil(d -> d.findElements(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty());
    }

    /** Waits until the grid shows one row, the one with this text: the search has been applied. */
    private void waitForTheOnlyRow(String gridId, String text) {
        browser.waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                const grid = document.getElementById(arguments[0]);
                const rows = new Set();
                let found = false;
                for (const cell of grid ? grid.querySelectorAll('vaadin-grid-cell-content') : []) {
                    const row = cell.assignedSlot && cell.assignedSlot.parentElement
                        && cell.assignedSlot.parentElement.parentElement;
                    const text = cell.textContent.trim();
                    if (!row || row.hidden || !row.parentElement || row.parentElement.id !== 'items' || !text) {
                        continue;
                    }
                    rows.add(row);
                    found = found || text === arguments[1];
                }
                return found && rows.size === 1;""", gridId, text)));
    }

    private void clickCell(String gridId, String text) {
        WebElement cell = browser.waitUntil(d -> d.findElements(By.cssSelector("#" + gridId
                        + " vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().strip().equals(text)).findFirst().orElse(null));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", cell);
    }

    private List<String> auditRows(String area, String subject) {
        return jdbc.sql("select change from audit_entry where area = ? and subject = ? order by id")
                .params(area, subject).query(String.class).list();
    }
}
