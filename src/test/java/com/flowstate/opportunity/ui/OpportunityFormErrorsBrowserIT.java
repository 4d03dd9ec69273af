package com.flowstate.opportunity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** A field the new-opportunity form refuses says why, in the reader's language: never red and silent. */
@IntegrationTest
class OpportunityFormErrorsBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anInvalidEmailIsRefusedWithATranslatedMessage() {
        String user = data.internalUser();
        browser.speak("es");
        browser.login(user, user);
        browser.waitFor(By.id("new-opportunity")).click();

        browser.type(By.cssSelector("#customer-email input"), "mario.rossi@@posta");
        browser.waitFor(By.cssSelector("#customer-email input")).sendKeys(Keys.TAB);

        browser.waitUntil(driver -> "Dirección de e-mail no válida".equals(
                driver.findElement(By.id("customer-email")).getDomProperty("errorMessage")));
        assertThat(browser.driver().findElement(By.id("customer-email")).getDomProperty("invalid")).isEqualTo("true");
        browser.screenshot("opportunity-form-invalid-email-es");

        browser.waitFor(By.id("save-opportunity")).click();
        browser.waitUntil(driver -> "Campo obligatorio".equals(
                driver.findElement(By.id("customer-name")).getDomProperty("errorMessage")));
    }
}
