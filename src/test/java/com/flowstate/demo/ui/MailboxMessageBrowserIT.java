package com.flowstate.demo.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.Browser;
import com.flowstate.support.EmailHistoryRows;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** The demo mailbox opens a received message: its HTML in a sandboxed frame, its text part and headers. */
@IntegrationTest
class MailboxMessageBrowserIT {

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
    void opensAMessageWithItsHtmlInASandboxedFrame() {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), null);
        data.startEmailTestFlow(opportunity, "offer-sent", TestData.WORKING_SMTP, "CUSTOMER", null, false);
        EmailHistoryRows.awaitRow(emails, opportunity.id(), "offer-sent", row -> row.state() == ActionStatus.SUCCEEDED);
        browser = new Browser(port);
        browser.speak("es");
        browser.login(data.admin().getUsername(), "test-admin");
        browser.open("/demo/mailbox");
        browser.waitForCells("mailbox-grid", 1);

        // A message to this opportunity's customer (newest first: the offer just sent).
        browser.waitFor(By.xpath("//vaadin-grid-cell-content[contains(., '" + opportunity.customerEmail() + "')]"))
                .click();
        WebElement frame = browser.waitFor(By.id("mailbox-message-html"));
        assertThat(frame.getAttribute("sandbox")).isEmpty();
        assertThat(frame.getAttribute("srcdoc")).contains(opportunity.customerName());
        browser.screenshot("mailbox-message-html-es-1440");

        browser.driver().switchTo().frame(frame);
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains(opportunity.customerName());
        browser.driver().switchTo().defaultContent();

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.screenshot("mailbox-message-html-es-390");
        browser.waitFor(By.xpath("//vaadin-tab[contains(., 'Cabeceras')]")).click();
        assertThat(browser.waitFor(By.id("mailbox-message-headers")).getText()).contains("Message-ID");
        browser.waitFor(By.xpath("//vaadin-tab[contains(., 'Texto')]")).click();
        assertThat(browser.waitFor(By.id("mailbox-message-text")).getText()).contains(opportunity.customerName());
    }

    @Test
    void theFaviconIsServedToAnyoneAndLinkedFromTheLoginPage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/favicon.ico", "/favicon.svg"}) {
            HttpResponse<byte[]> icon = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(icon.statusCode()).as(path).isEqualTo(200);
            assertThat(icon.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("image/");
        }
        browser = new Browser(port);
        browser.open("/login");
        browser.waitFor(By.cssSelector("vaadin-login-form, vaadin-login-overlay"));
        assertThat(browser.driver().findElements(By.cssSelector("link[rel=icon][href$='favicon.svg']"))).hasSize(1);
    }
}
