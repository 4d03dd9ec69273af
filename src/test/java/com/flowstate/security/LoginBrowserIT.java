package com.flowstate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** The real login form in Chromium, under the Content-Security-Policy, with the CSRF token it must now send. */
@IntegrationTest
class LoginBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired TestRestTemplate rest;

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
    void aUserSignsInAndUsesHistoryAndADialogWithoutAnyContentSecurityPolicyViolation() {
        String user = data.internalUser();

        browser.login(user, user);
        browser.openActionHistoryTab("tab-email", "email-history-grid");
        browser.open("/");
        browser.waitFor(By.id("new-opportunity")).click();
        browser.waitFor(By.id("opportunity-form"));
        browser.screenshot("login-csp-dialog");

        List<String> console = browser.consoleMessages();
        assertThat(console).noneMatch(message -> message.contains("Content Security Policy"));
    }

    @Test
    void aLockedAccountIsToldSoOnTheLoginFormEvenWithTheRightPassword() {
        String user = data.internalUser();
        HttpHeaders elsewhere = new HttpHeaders();
        elsewhere.set("X-Forwarded-For", "203.0.113.77");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(rest.withBasicAuth(user, "wrong").exchange("/api/opportunities", HttpMethod.GET,
                    new HttpEntity<>(elsewhere), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        browser.speak("it");
        browser.open("/login");
        browser.type(By.cssSelector("input[name=username]"), user);
        browser.type(By.cssSelector("input[name=password]"), user);
        browser.waitFor(By.cssSelector("vaadin-login-form vaadin-button")).click();
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("error"));
        String title = browser.waitUntil(driver -> (String) ((JavascriptExecutor) driver).executeScript("""
                const form = document.querySelector('vaadin-login-form');
                return form && form.error ? form.i18n.errorMessage.title : null;"""));
        browser.screenshot("login-locked");

        assertThat(title).isEqualTo("Accesso temporaneamente bloccato");
        assertThat(browser.driver().findElements(By.id("user-menu"))).isEmpty();
    }

    @Test
    void aLoginPageWhoseSessionHasEndedAsksToSignInAgainInsteadOfShowingAnError() {
        String user = data.internalUser();
        browser.speak("it");
        browser.open("/login");
        browser.type(By.cssSelector("input[name=username]"), user);
        browser.type(By.cssSelector("input[name=password]"), user);
        // What a session time-out or a server restart does to a login page left open.
        browser.driver().manage().deleteCookieNamed("JSESSIONID");

        browser.waitFor(By.cssSelector("vaadin-login-form vaadin-button")).click();
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("expired"));
        String title = browser.waitUntil(driver -> (String) ((JavascriptExecutor) driver).executeScript("""
                const form = document.querySelector('vaadin-login-form');
                return form && form.error ? form.i18n.errorMessage.title : null;"""));

        assertThat(title).isEqualTo("Pagina di accesso scaduta");
        browser.login(user, user);
        assertThat(browser.driver().findElements(By.id("user-menu"))).isNotEmpty();
    }
}
