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

/**
 * The new-opportunity form says, beside the field and in the user's language, what is wrong: an address that does
 * not exist, an e-mail that is no address, a required field left empty — never red and silent.
 */
@IntegrationTest
class OpportunityFormBrowserIT {

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
    void aPostalCodeOfAnotherProvinceAndAnUnknownProvinceAreRefusedBesideTheirFields() {
        String user = data.internalUser();
        browser.speak("en");
        browser.login(user, user);
        browser.waitFor(By.id("new-opportunity")).click();
        browser.type(By.cssSelector("#customer-name input"), "Rosa Verdi");
        browser.type(By.cssSelector("#postal-code input"), "20121");
        browser.type(By.cssSelector("#province input"), "RM");
        browser.waitFor(By.id("save-opportunity")).click();

        browser.waitUntil(driver -> "20121 is not a postal code of province RM".equals(
                driver.findElement(By.id("postal-code")).getDomProperty("errorMessage")));

        browser.type(By.cssSelector("#province input"), "XX");
        browser.waitFor(By.id("save-opportunity")).click();

        browser.waitUntil(driver -> "Not the code of an Italian province".equals(
                driver.findElement(By.id("province")).getDomProperty("errorMessage")));
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
