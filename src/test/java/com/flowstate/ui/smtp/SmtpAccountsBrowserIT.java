package com.flowstate.ui.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.mail.MailSink;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * An admin creates an SMTP account in the view (after a refused host shown at its field), tests it against a closed
 * port, moves it to a working server and tests it again with a message; the password typed never shows up in the
 * page. On a phone, in Spanish, the form and its errors stay readable.
 */
@IntegrationTest
class SmtpAccountsBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired MailSink sink;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminCreatesEditsAndTestsAnAccountWithoutThePasswordEverReachingThePage() throws Exception {
        String name = data.unique("Relay");
        String password = data.unique("Browser-secret");
        int closed = closedPort();
        browser = new Browser(port);
        browser.speak("en");
        browser.login(data.admin().getUsername(), "test-admin");
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.open("/admin/smtp-accounts");
        browser.waitFor(By.id("smtp-new"));
        assertThat(browser.driver().findElements(By.id("nav-admin-smtp-accounts"))).as("drawer item").hasSize(1);

        click("smtp-new");
        browser.type(By.cssSelector("#smtp-name input"), name);
        browser.type(By.cssSelector("#smtp-host input"), "not a host!");
        browser.type(By.cssSelector("#smtp-port input"), Integer.toString(closed));
        browser.choose("smtp-security", "None");
        browser.type(By.cssSelector("#smtp-username input"), "crm");
        browser.type(By.cssSelector("#smtp-password input"), password);
        browser.type(By.cssSelector("#smtp-fromAddress input"), "crm@solare-italia.example");
        browser.type(By.cssSelector("#smtp-fromName input"), "Solare Italia");
        click("smtp-save");

        WebElement host = invalid("smtp-host");
        assertThat(host.getDomProperty("errorMessage")).isEqualTo("Not a host name or IP address: \"not a host!\"");
        browser.screenshot("smtp-accounts-host-refused-en-1440");

        browser.type(By.cssSelector("#smtp-host input"), "127.0.0.1");
        browser.type(By.cssSelector("#smtp-password input"), password);
        click("smtp-save");
        browser.waitUntil(driver -> browser.gridCells("smtp-grid").contains(name));
        assertThat(browser.gridCells("smtp-grid")).contains("127.0.0.1:" + closed + " · None", "Password set");
        assertThat(browser.waitFor(By.id("smtp-password")).getDomProperty("helperText"))
                .isEqualTo("A password is set: leave empty to keep it");
        assertThat(browser.waitFor(By.cssSelector("#smtp-password input")).getDomProperty("value")).isEmpty();

        click("smtp-test");
        String failure = browser.waitFor(By.id("smtp-test-result")).getText();
        assertThat(failure).contains("Connection failed")
                .contains("SMTP server '" + name + "' (127.0.0.1:" + closed + ") is unreachable: connection refused");
        scrollTo("smtp-test-result");
        browser.screenshot("smtp-accounts-test-failed-en-1440");

        // The edit: the working server, no login any more (which drops the password).
        browser.type(By.cssSelector("#smtp-port input"), Integer.toString(sink.port()));
        clear(By.cssSelector("#smtp-username input"));
        click("smtp-save");
        browser.waitUntil(driver -> browser.gridCells("smtp-grid").contains("127.0.0.1:" + sink.port() + " · None"));
        int received = sink.received().size();
        browser.type(By.cssSelector("#smtp-test-recipient input"), "admin@platform.test");
        click("smtp-test");
        browser.waitUntil(driver -> driver.findElement(By.id("smtp-test-status")).getText()
                .equals("Connection succeeded, test message sent"));
        assertThat(browser.waitFor(By.id("smtp-test-details")).getText()).startsWith("Server reply: 250");
        assertThat(sink.received()).hasSize(received + 1);
        assertThat(browser.gridCells("smtp-grid")).contains("No password");
        scrollTo("smtp-test-result");
        browser.screenshot("smtp-accounts-tested-en-1440");

        assertThat(browser.driver().getPageSource()).contains(name).doesNotContain(password);
        assertThat((String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return [...document.querySelectorAll('input')].map(i => i.value).join(' ')"))
                .doesNotContain(password);
    }

    @Test
    void onAPhoneInSpanishTheFormShowsWhatIsWrongAtItsField() {
        browser = new Browser(port);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.speak("es");
        browser.login(data.admin().getUsername(), "test-admin");
        browser.open("/admin/smtp-accounts");
        browser.waitFor(By.id("smtp-new"));
        // The drawer opens over the page on a phone; a person closes it by tapping beside it.
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector('vaadin-app-layout').drawerOpened = false");

        click("smtp-new");
        browser.type(By.cssSelector("#smtp-name input"), TestData.WORKING_SMTP);
        browser.type(By.cssSelector("#smtp-host input"), "smtp.example.com");
        browser.type(By.cssSelector("#smtp-fromAddress input"), "crm@solare-italia.example");
        click("smtp-save");

        WebElement name = invalid("smtp-name");
        assertThat(name.getDomProperty("errorMessage"))
                .isEqualTo("Ya existe una cuenta SMTP llamada \"" + TestData.WORKING_SMTP + "\"");
        assertThat(browser.waitFor(By.id("view-title")).getText()).isEqualTo("Cuentas SMTP");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", name);
        browser.screenshot("smtp-accounts-name-taken-es-390");
        Object wider = ((JavascriptExecutor) browser.driver()).executeScript("""
                return [...document.querySelectorAll('#smtp-accounts *')]
                    .filter(e => !e.closest('vaadin-grid') && e.getBoundingClientRect().right > window.innerWidth + 1)
                    .map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 10);
                """);
        assertThat((java.util.List<?>) wider).as("nothing wider than the phone").isEmpty();
    }

    /**
     * The field once it shows the server's reason: the browser may mark a required field invalid by itself for a
     * moment (it was empty when Selenium cleared it), without a message.
     */
    private WebElement invalid(String id) {
        return browser.waitUntil(driver -> {
            WebElement field = driver.findElement(By.id(id));
            String message = field.getDomProperty("errorMessage");
            return field.getAttribute("invalid") != null && message != null && !message.isEmpty() ? field : null;
        });
    }

    /**
     * Clicked by script, in view: the dev-mode notice may cover the bottom right corner. The field being typed in
     * loses the focus first, as with a real click, so its value reaches the server.
     */
    private void click(String id) {
        WebElement element = browser.waitFor(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "if (document.activeElement) document.activeElement.blur();"
                        + "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", browser.waitFor(By.id(id)));
    }

    private void clear(By input) {
        WebElement field = browser.waitFor(input);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
