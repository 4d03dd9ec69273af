package com.flowstate.workspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;
import com.flowstate.workspace.OpportunityWorkspace;
import com.flowstate.workspace.ScheduledAction;

/**
 * The opportunity page in a real Chromium, at desktop (1440×900) and phone (390×844) size, as an admin and as a
 * partner: the diagram highlights the open substate, a closed substate shows on the timeline, a cancelled scheduled
 * action is gone, and another partner's opportunity is "not found". Screenshots under target/screenshots.
 */
@IntegrationTest
class OpportunityPageBrowserIT {

    private static final String FOLLOW_UP_TIMER = "NewContact_FollowUpDue";

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired OpportunityService opportunities;
    @Autowired OpportunityWorkspace workspace;

    @Test
    void anAdminOpensThePageFromTheListCancelsTheScheduledActionAndClosesTheSubstate() {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), null);
        postponeFollowUp(opportunity);
        awaitOpen(opportunity, "NewContact");
        data.admin();

        try (Browser browser = new Browser(port)) {
            desktop(browser);
            browser.login("test-admin", "test-admin");
            browser.type(By.cssSelector("#opportunity-search input"), opportunity.name());
            browser.waitUntil(driver -> browser.gridCells("opportunity-grid").contains(opportunity.name()));
            browser.driver().findElements(By.cssSelector("#opportunity-grid vaadin-grid-cell-content")).stream()
                    .filter(cell -> cell.getText().strip().equals(opportunity.name())).findFirst()
                    .orElseThrow().click();
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/opportunities/" + opportunity.id()));

            assertThat(browser.waitFor(By.id("workspace-title")).getText()).isEqualTo(opportunity.name());
            assertThat(highlighted(browser)).containsExactly("Substate_NewContact");
            assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
            browser.screenshot("opportunity-page-admin-1440");

            browser.waitFor(By.id("workspace-cancel-" + FOLLOW_UP_TIMER)).click();
            browser.waitUntil(driver -> driver.findElements(By.id("workspace-cancel-" + FOLLOW_UP_TIMER)).isEmpty());
            browser.waitFor(By.cssSelector(".fs-timeline-line[data-kind=SCHEDULED_ACTION_CANCELLED]"));
            assertThat(workspace.scheduledActions(PartnerScope.everything(), opportunity.id())).isEmpty();

            browser.waitFor(By.id("workspace-close-NewContact")).click();
            awaitOpen(opportunity, "SiteSurvey");
            browser.waitFor(By.id("workspace-refresh")).click();
            browser.waitFor(By.cssSelector(".fs-timeline-line[data-kind=SUBSTATE_CLOSED]"));
            browser.waitUntil(driver -> highlighted(browser).equals(List.of("Substate_SiteSurvey")));
            browser.screenshot("opportunity-page-admin-1440-after-close");
            scrollTo(browser, "workspace-timeline");
            browser.screenshot("opportunity-page-admin-1440-timeline");

            phone(browser);
            browser.open("/opportunities/" + opportunity.id());
            assertThat(highlighted(browser)).containsExactly("Substate_SiteSurvey");
            assertNothingCutOff(browser);
            browser.screenshot("opportunity-page-admin-390");
            scrollTo(browser, "workspace-timeline");
            browser.screenshot("opportunity-page-admin-390-timeline");
            scrollTo(browser, "workspace-diagram");
            browser.screenshot("opportunity-page-admin-390-diagram");
        }
    }

    @Test
    void aPartnerSeesTheirOpportunityButNeitherCancelsNorSeesAnotherPartnersOne() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        String installer1 = data.partnerUser(installer);
        Opportunity own = data.opportunity(installer, null);
        Opportunity others = data.opportunity(data.partner(CompanyKind.INSTALLER), null);
        postponeFollowUp(own);
        awaitOpen(own, "NewContact");

        try (Browser browser = new Browser(port)) {
            desktop(browser);
            browser.speak("es");
            browser.login(installer1, installer1);
            browser.open("/opportunities/" + own.id());
            assertThat(highlighted(browser)).containsExactly("Substate_NewContact");
            assertThat(browser.driver().findElements(By.cssSelector("[id^=workspace-cancel-]"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector(".workspace-scheduled-action"))).hasSize(1);
            String text = browser.waitFor(By.id("opportunity-view")).getText();
            assertThat(text).contains("Acciones programadas", "Cronología").doesNotContain("true", "false");
            browser.screenshot("opportunity-page-partner-es-1440");

            phone(browser);
            browser.open("/opportunities/" + own.id());
            assertThat(highlighted(browser)).containsExactly("Substate_NewContact");
            assertNothingCutOff(browser);
            browser.screenshot("opportunity-page-partner-es-390");

            browser.open("/opportunities/" + others.id());
            assertThat(browser.waitFor(By.id("workspace-not-found")).getText())
                    .isEqualTo("Oportunidad no encontrada");
            assertThat(browser.driver().getPageSource()).doesNotContain(others.name());
            browser.open("/opportunities/" + Long.MAX_VALUE);
            browser.waitFor(By.id("workspace-not-found"));
            browser.screenshot("opportunity-page-partner-es-not-found");
        }
    }

    @Test
    void aSubstateClosedElsewhereShowsOnTheOpenPageAndTheOpenHistoryTabWithoutAReload() {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), null);
        postponeFollowUp(opportunity);
        awaitOpen(opportunity, "NewContact");
        data.admin();

        try (Browser browser = new Browser(port)) {
            desktop(browser);
            browser.login("test-admin", "test-admin");
            browser.open("/opportunities/" + opportunity.id());
            assertThat(highlighted(browser)).containsExactly("Substate_NewContact");
            markThePage(browser);

            // Someone else (another screen, the API) closes the substate: the page follows with no click and no reload.
            closeElsewhere(opportunity, "NewContact");
            browser.waitFor(By.cssSelector(".fs-timeline-line[data-kind=SUBSTATE_CLOSED]"));
            browser.waitUntil(driver -> highlighted(browser).equals(List.of("Substate_SiteSurvey")));
            assertThat(pageIsTheSame(browser)).as("the page was not reloaded").isTrue();
            browser.screenshot("opportunity-page-live-after-close-1440");

            // The Substates tab, open on this opportunity, offers the new row instead of jumping.
            browser.open("/account/history?tab=substate&opportunityId=" + opportunity.id());
            browser.waitUntil(driver -> !browser.gridCells("substate-history-grid").isEmpty());
            int before = browser.gridCells("substate-history-grid").size();
            markThePage(browser);
            closeElsewhere(opportunity, "SiteSurvey");
            browser.waitUntil(driver -> driver.findElements(By.id("substate-history-new-rows")).stream()
                    .anyMatch(chip -> chip.isDisplayed()));
            browser.screenshot("history-substates-live-chip-1440");
            browser.waitFor(By.id("substate-history-new-rows")).click();
            browser.waitUntil(driver -> browser.gridCells("substate-history-grid").size() > before);
            assertThat(pageIsTheSame(browser)).as("the page was not reloaded").isTrue();
        }
    }

    private void closeElsewhere(Opportunity opportunity, String substate) {
        SystemAuthentication.runAs(data.admin(), () -> opportunities.closeSubstate(PartnerScope.everything(),
                opportunity.id(), substate));
    }

    /** Leaves a mark on the window that a reload would wipe. */
    private static void markThePage(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.__notReloaded = true;");
    }

    private static boolean pageIsTheSame(Browser browser) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript(
                "return window.__notReloaded === true;"));
    }

    /** The element ids bpmn-js drew with the "open substate" marker, once the diagram is drawn. */
    @SuppressWarnings("unchecked")
    private static List<String> highlighted(Browser browser) {
        browser.waitFor(By.cssSelector("#workspace-diagram[data-rendered=true]"));
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
                return [...document.querySelectorAll('#workspace-diagram g.djs-element.fs-open')]
                    .map(element => element.getAttribute('data-element-id'));""");
    }

    /** Nothing sticks out sideways: the page does not scroll horizontally (the diagram scrolls in its frame). */
    private static void assertNothingCutOff(Browser browser) {
        Object overflow = ((JavascriptExecutor) browser.driver()).executeScript("""
                const view = document.getElementById('opportunity-view');
                return [...view.querySelectorAll('*')]
                    .filter(e => !e.closest('#workspace-diagram') && e.getBoundingClientRect().right > window.innerWidth + 1)
                    .map(e => (e.id || e.className || e.tagName)).slice(0, 5);""");
        assertThat((List<?>) overflow).as("elements beyond the right edge").isEmpty();
    }

    private static void scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }

    private static void desktop(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
    }

    private static void phone(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
    }

    /** The test flow's follow-up fires 3 s after the substate opens: an hour gives the browser time to cancel it. */
    private void postponeFollowUp(Opportunity opportunity) {
        ScheduledAction followUp = workspace.scheduledActions(PartnerScope.everything(), opportunity.id()).get(0);
        SystemAuthentication.runAs(data.admin(), () -> workspace.reschedule(PartnerScope.everything(),
                opportunity.id(), followUp.id(), Instant.now().plus(1, ChronoUnit.HOURS)));
    }

    private void awaitOpen(Opportunity opportunity, String substate) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> opportunities
                .openSubstates(PartnerScope.everything(), opportunity.id()).stream()
                .anyMatch(open -> open.key().equals(substate)));
    }
}
