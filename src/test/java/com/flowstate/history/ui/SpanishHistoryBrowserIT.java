package com.flowstate.history.ui;

import static com.flowstate.support.EmailHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.awaitility.Awaitility;
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
import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.Role;
import com.flowstate.security.UserService;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * A partner reading the action history in Spanish sees no English: every tab, with failed rows whose reasons are
 * rendered from their codes. The words looked for are those of the English bundle that the Spanish one does not use.
 */
@IntegrationTest
class SpanishHistoryBrowserIT {

    private static final Path BUNDLES = Path.of("src/main/resources/vaadin-i18n");

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired EmailHistoryQuery emails;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

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
    void everyHistoryTabReadsInSpanishWithTheReasonsOfFailedRows() throws IOException {
        String user = partnerWithFailures();

        browser.speak("es");
        browser.login(user, user);
        browser.openActionHistory();
        Map<String, String> pages = readEveryTab();

        Set<String> english = englishOnlyWords();
        assertThat(english).as("English words looked for").contains("Unknown", "template", "failed");
        // The SMTP accounts' names are data an admin typed ("Platform SMTP"), not the UI's words.
        pages.forEach((tab, text) -> assertThat(englishWordsIn(text.replace(TestData.WORKING_SMTP, "")
                .replace(TestData.DEAD_SMTP, ""), english)).as("English on " + tab).isEmpty());
        assertThat(pages.get("email-history-grid")).contains("Plantilla de correo desconocida \"no-such-template\"");
        assertThat(pages.get("activity-history-grid")).contains("Llamar a Cliente-").doesNotContain("{{");
    }

    /** The seed's true/false is the REST API's; every tab says it in words, in the reader's language. */
    @Test
    void noTabShowsTrueOrFalse() throws IOException {
        String user = partnerWithFailures();

        browser.speak("es");
        browser.login(user, user);
        browser.openActionHistory();

        readEveryTab().forEach((tab, text) -> assertThat(words(text)).as("tab " + tab)
                .doesNotContain("true", "false"));
    }

    @Test
    void aFailedRowsReasonReadsInTheReadersLanguage() {
        String user = partnerWithFailures();

        for (String language : List.of("it", "es")) {
            restartBrowser();
            browser.speak(language);
            browser.login(user, user);
            browser.openActionHistoryTab("tab-email", "email-history-grid");
            browser.waitUntil(d -> browser.gridCells("email-history-grid").stream()
                    .anyMatch(cell -> cell.contains("no-such-template") && cell.length() > 20));
            String reason = language.equals("it") ? "Modello e-mail sconosciuto \"no-such-template\""
                    : "Plantilla de correo desconocida \"no-such-template\"";
            assertThat(browser.gridCells("email-history-grid")).contains(reason);
            // The row's details show the reason in full (the column cuts it).
            browser.waitUntil(d -> d.findElements(By.cssSelector("#email-history-grid vaadin-grid-cell-content"))
                    .stream().filter(cell -> cell.getText().strip().equals("no-such-template")).findFirst()
                    .orElse(null)).click();
            assertThat(browser.waitFor(By.cssSelector("#email-history-grid .email-error")).getText()).isEqualTo(reason);
            browser.screenshot("reason-failed-email-" + language);
        }
    }

    private void restartBrowser() {
        browser.close();
        openBrowser();
    }

    /** A partner company whose opportunity has a failed e-mail and a failed activity (with a subject to fill in). */
    private String partnerWithFailures() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company seller = data.partner(CompanyKind.SELLER);
        String owner = data.internalUser();
        // People's names, as people have them (the test data's "Internal internal-7-…" would read as English).
        jdbc.sql("update app_user set display_name = 'Carmen Ruiz' where username = ?").param(owner).update();
        Opportunity opportunity = data.opportunity(installer, seller, owner);
        data.startEmailTestFlow(opportunity, "no-such-template", TestData.WORKING_SMTP, "CUSTOMER", null, false);
        data.startActivityTestFlow(opportunity, "MEETING", "Llamar a {{customer.name}}", 1, "INSTALLER", false);
        awaitRow(emails, opportunity.id(), "no-such-template", row -> row.state() == ActionStatus.FAILED);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select count(*) from activity_history where opportunity_id = ? and status = 'FAILED'""")
                .param(opportunity.id()).query(Integer.class).single() > 0);
        // A person's name, as a partner's staff has one: the badge shows it, and it is no English word.
        String username = data.unique("lucia");
        users.create(username, username, "Lucía Gómez", username + "@partners.test", installer.id(),
                Set.of(Role.PARTNER));
        return username;
    }

    /** Each tab's visible text, after its grid has loaded, by the id of the tab's grid. */
    private Map<String, String> readEveryTab() {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String tab : browser.tabIds()) {
            browser.waitFor(By.id(tab)).click();
            String grid = browser.waitUntil(d -> (String) ((JavascriptExecutor) d).executeScript("""
                    const grid = [...document.querySelectorAll('vaadin-grid')].find(g => g.offsetParent !== null);
                    return grid ? grid.id : null;"""));
            // Rows, or the tab's empty state ("Todavía ningún…") when the partner has none of this kind.
            browser.waitUntil(d -> !browser.gridCells(grid).isEmpty() || d.findElements(
                    By.id(grid.replace("-grid", "-empty"))).stream().anyMatch(e -> e.isDisplayed()));
            browser.screenshot("spanish-history-" + tab);
            pages.put(grid, pageText() + "\n" + String.join("\n", browser.gridCells(grid)));
        }
        return pages;
    }

    private String pageText() {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.body.innerText;");
    }

    /** Words of the English texts that no Spanish text uses ("Unknown", "failed"…): English when seen. */
    private static Set<String> englishOnlyWords() throws IOException {
        Set<String> spanish = new TreeSet<>();
        bundle("es").values().forEach(text -> spanish.addAll(words(text.toString())));
        Set<String> english = new TreeSet<>();
        bundle("en").values().forEach(text -> english.addAll(words(text.toString())));
        english.removeAll(spanish);
        english.removeIf(word -> word.length() < 3);
        return english;
    }

    private static List<String> englishWordsIn(String text, Set<String> english) {
        List<String> found = new ArrayList<>();
        for (String token : text.split("\\s+")) {
            // Data, not UI text: template names, addresses, ids (no-such-template, cliente-3@customers.test).
            if (token.matches(".*[-_@./:0-9].*")) {
                continue;
            }
            words(token).stream().filter(english::contains).forEach(found::add);
        }
        return found;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[^\\p{L}]+")).filter(word -> !word.isEmpty()).toList();
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(BUNDLES.resolve("translations_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

}
