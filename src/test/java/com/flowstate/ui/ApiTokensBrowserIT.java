package com.flowstate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** A user creates an API token on their account page, sees its secret once, uses it, and revokes it there. */
@IntegrationTest
class ApiTokensBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aTokenCreatedOnTheAccountPageWorksUntilItIsRevokedThere() throws Exception {
        String user = data.internalUser();
        browser = new Browser(port);
        browser.speak("en");
        browser.login(user, user);
        browser.open("/account");

        browser.type(By.cssSelector("#api-token-name input"), "Nightly export script");
        browser.waitFor(By.id("api-token-create")).click();
        String token = browser.waitUntil(driver -> {
            String value = driver.findElement(By.cssSelector("#api-token-secret textarea")).getDomProperty("value");
            return value == null || value.isEmpty() ? null : value;
        });
        browser.screenshot("api-token-created-en-1440");
        browser.waitFor(By.id("api-token-created-close")).click();

        assertThat(token).startsWith("fst_");
        assertThat(status(token)).isEqualTo(200);
        browser.waitUntil(driver -> browser.gridCells("api-token-grid").contains("Nightly export script"));

        // On a phone each token is a card beside its revoke button: two columns, nothing to scroll sideways.
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        WebElement card = browser.waitFor(By.cssSelector("#api-token-grid .phone-card"));
        browser.waitUntil(driver -> driver.findElements(By.cssSelector("#api-token-grid > vaadin-grid-column"))
                .stream().filter(column -> !"true".equals(column.getDomProperty("hidden"))).count() == 2);
        assertThat(card.getText()).contains("Nightly export script", "fst_", "Created");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", card);
        browser.screenshot("api-token-phone-en-390");
        browser.driver().manage().window().setSize(new Dimension(1500, 950));
        browser.waitUntil(driver -> driver.findElements(By.cssSelector("#api-token-grid > vaadin-grid-column"))
                .stream().filter(column -> !"true".equals(column.getDomProperty("hidden"))).count() == 6);

        // Clicked by script: the dev-mode notice may cover the row's end.
        WebElement revoke = browser.waitUntil(driver -> driver.findElements(
                By.cssSelector("[id^=api-token-revoke-]")).stream().findFirst().orElse(null));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", revoke);
        browser.waitUntil(driver -> !browser.gridCells("api-token-grid").contains("Nightly export script"));

        assertThat(status(token)).isEqualTo(401);
    }

    private int status(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/opportunities?size=1"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
