package com.flowstate.action.email.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.opportunity.Opportunity;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * An admin writes an e-mail template in the browser, in Spanish: a typo in a placeholder is shown at its field with
 * the line, the picker inserts a real placeholder, a Spanish variant is added and previewed for an opportunity.
 */
@IntegrationTest
class EmailTemplatesBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** By script, scrolled into view: the dev-mode notice or a notification may cover a button's spot. */
    private void click(String id) {
        WebElement element = browser.waitFor(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }

    @Test
    void anAdminCreatesEditsAndPreviewsATemplateAndSeesMistakesAtTheirField() {
        data.admin();
        Opportunity opportunity = data.opportunity(null, null);
        String name = data.unique("bienvenida");
        browser = new Browser(port);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.speak("es");
        browser.login("test-admin", "test-admin");
        browser.open("/admin/email-templates");

        // Create, with a typo in a placeholder: refused, the reason at the HTML body, with language and line.
        click("email-template-new");
        browser.type(By.cssSelector("#email-template-name input"), name);
        browser.type(By.cssSelector("#email-template-subject-it input"), "Benvenuto {{customer.name}}");
        browser.type(By.cssSelector("#email-template-html-it textarea"), "<p>Gentile cliente,</p>\n<p>{{customer.nmae}}</p>");
        browser.type(By.cssSelector("#email-template-text-it textarea"), "Gentile ");
        click("email-template-save");
        WebElement html = browser.waitFor(By.id("email-template-html-it"));
        browser.waitUntil(driver -> html.getDomAttribute("invalid") != null);
        assertThat(html.getDomProperty("errorMessage"))
                .isEqualTo("Marcador desconocido {{customer.nmae}} (it, línea 2)");
        assertThat(browser.gridCells("email-template-grid")).doesNotContain(name);

        // Fix it; the picker puts a placeholder the model has where the cursor was in the text body.
        browser.type(By.cssSelector("#email-template-html-it textarea"), "<p>Gentile {{customer.name}},</p>");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].focus()",
                browser.waitFor(By.cssSelector("#email-template-text-it textarea")));
        browser.type(By.cssSelector("#email-template-placeholder input"), "customer.name");
        browser.choose("email-template-placeholder", "{{customer.name}}");
        browser.waitUntil(driver -> "Gentile {{customer.name}}".equals(driver.findElement(
                By.cssSelector("#email-template-text-it textarea")).getDomProperty("value")));
        click("email-template-save");
        browser.waitUntil(driver -> browser.gridCells("email-template-grid").contains(name));
        assertThat(browser.waitFor(By.id("email-template-html-it")).getDomAttribute("invalid")).isNull();

        // Edit: add the Spanish variant; the list shows both languages.
        click("email-template-tab-es");
        browser.type(By.cssSelector("#email-template-subject-es input"), "Bienvenido {{customer.name}}");
        browser.type(By.cssSelector("#email-template-html-es textarea"),
                "<h2>¡Hola {{customer.name}}!</h2>\n<p>Su instalación en {{opportunity.city}} está en marcha.</p>");
        browser.type(By.cssSelector("#email-template-text-es textarea"), "Hola {{customer.name}}");
        click("email-template-save");
        browser.waitUntil(driver -> browser.gridCells("email-template-grid").contains("IT · ES"));

        // Preview the Spanish variant for an opportunity.
        browser.type(By.cssSelector("#email-template-preview-opportunity input"), opportunity.customerName());
        browser.choose("email-template-preview-opportunity", "#" + opportunity.id() + " · " + opportunity.name());
        click("email-template-preview");
        WebElement subject = browser.waitFor(By.id("email-template-preview-subject"));
        assertThat(subject.getText()).isEqualTo("Bienvenido " + opportunity.customerName());
        WebElement frame = browser.waitFor(By.id("email-template-preview-html"));
        assertThat(frame.getDomAttribute("sandbox")).isEmpty();
        assertThat(frame.getDomAttribute("srcdoc")).contains("¡Hola " + opportunity.customerName() + "!", "Milano");
        assertThat(browser.waitFor(By.id("email-template-preview-text")).getText())
                .isEqualTo("Hola " + opportunity.customerName());
        scrollTo("email-template-form");
        browser.screenshot("admin-email-templates-es-1440");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        scrollTo("email-template-form");
        Object tooWide = ((JavascriptExecutor) browser.driver()).executeScript("""
                const width = document.documentElement.clientWidth;
                return [...document.querySelectorAll('#email-templates-view, #email-templates-view *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1 && e.getClientRects().length > 0)
                    .map(e => e.tagName + '#' + e.id).slice(0, 5);""");
        assertThat((java.util.List<?>) tooWide).as("elements wider than the phone's screen").isEmpty();
        browser.screenshot("admin-email-templates-es-390");
    }
}
