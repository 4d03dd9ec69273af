package com.flowstate.action.assignment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.action.assignment.AssignmentRuleChange;
import com.flowstate.action.assignment.AssignmentRuleService;
import com.flowstate.action.assignment.AssignmentStrategy;
import com.flowstate.action.assignment.PartnerRole;
import com.flowstate.flow.FlowCatalogue;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityTypeChange;
import com.flowstate.opportunity.OpportunityTypeService;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.partner.PartnerZoneService;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.AssignmentZones;
import com.flowstate.support.AssignmentZones.Zone;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * An admin changes the installers' strategy, sees a wrong capacity refused at its field, asks the simulator who would
 * get an opportunity and sees the answer; then edits an opportunity type's flow; and the rules view on a phone, in
 * Spanish.
 */
@IntegrationTest
class AssignmentRulesBrowserIT {

    private static final String OTHER_FLOW = "AssignmentTestFlow";

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired PartnerZoneService zones;
    @Autowired AssignmentRuleService rules;
    @Autowired OpportunityTypeService types;
    @Autowired FlowCatalogue flows;
    @Autowired JdbcClient jdbc;

    Browser browser;

    @AfterEach
    void closeBrowserAndRestoreTheRule() {
        if (browser != null) {
            browser.close();
        }
        SystemAuthentication.runAs(data.admin(), () -> rules.update(PartnerRole.INSTALLER,
                new AssignmentRuleChange("LEAST_LOADED", List.of(), List.of())));
    }

    @Test
    void anAdminSetsFixedPrioritySeesTheSimulatorFollowItAndMovesATypeToAnotherFlow() {
        Zone zone = AssignmentZones.next();
        Company busy = installerCovering(zone.province());
        installerCovering(zone.province());
        awaitOpenSubstate(data.opportunity(busy, null));
        String typeKey = "greenhouse-" + System.nanoTime() % 1_000_000;
        SystemAuthentication.runAs(data.admin(),
                () -> types.create(new OpportunityTypeChange(typeKey, "Serra fotovoltaica", null, null)));
        String admin = data.admin().getUsername();

        browser = new Browser(port);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.speak("en");
        browser.login(admin, admin);
        browser.open("/admin/assignment-rules");
        browser.waitFor(By.id("rules-partner-grid"));
        assertThat(browser.driver().findElements(By.id("nav-admin-assignment-rules"))).isNotEmpty();

        browser.choose("rules-strategy", "Fixed priority");
        browser.type(By.cssSelector("#rules-partner-filter input"), busy.name());
        browser.waitUntil(d -> browser.gridCells("rules-partner-grid").contains(busy.name())
                && browser.gridCells("rules-partner-grid").size() <= 4);
        browser.type(By.cssSelector("#rules-priority-" + busy.id() + " input"), "1" + Keys.TAB);
        browser.type(By.cssSelector("#rules-capacity-" + busy.id() + " input"), "-5" + Keys.TAB);
        browser.waitFor(By.id("rules-save")).click();
        WebElement capacity = browser.waitFor(By.id("rules-capacity-" + busy.id()));
        browser.waitUntil(d -> capacity.getDomAttribute("invalid") != null);
        assertThat(capacity.getDomProperty("errorMessage"))
                .isEqualTo("A capacity is a whole number from 0 to 100000, not -5");
        assertThat(SystemAuthentication.runAs(data.admin(), () -> rules.rule(PartnerRole.INSTALLER).strategy()))
                .as("nothing saved")
                .isEqualTo(AssignmentStrategy.LEAST_LOADED);

        browser.type(By.cssSelector("#rules-capacity-" + busy.id() + " input"), "3" + Keys.TAB);
        browser.waitFor(By.id("rules-save")).click();
        browser.waitUntil(d -> SystemAuthentication.runAs(data.admin(),
                () -> rules.rule(PartnerRole.INSTALLER).strategy() == AssignmentStrategy.FIXED_PRIORITY));

        browser.type(By.cssSelector("#simulator-postal-code input"), zone.postalCode(1));
        browser.type(By.cssSelector("#simulator-province input"), zone.province());
        browser.waitFor(By.id("simulator-run")).click();
        String answer = browser.waitFor(By.id("simulator-answer")).getText();
        assertThat(answer).startsWith(busy.name() + " would get it: province " + zone.province())
                .contains("fixed priority (1 open) of 2");
        browser.waitForCells("simulator-candidates", 6);
        browser.screenshot("admin-assignment-rules-en-1440");

        browser.open("/admin/opportunity-types");
        browser.waitFor(By.id("types-edit-" + typeKey)).click();
        browser.type(By.cssSelector("#types-name input"), " " + Keys.TAB);
        browser.waitFor(By.id("types-save")).click();
        WebElement name = browser.waitFor(By.id("types-name"));
        browser.waitUntil(d -> name.getDomAttribute("invalid") != null);
        assertThat(name.getDomProperty("errorMessage")).isEqualTo("Give the type a name");
        browser.type(By.cssSelector("#types-name input"), "Serra fotovoltaica" + Keys.TAB);
        browser.choose("types-flow", flows.flows().stream().filter(f -> f.key().equals(OTHER_FLOW)).findFirst()
                .orElseThrow().name() + " (" + OTHER_FLOW + ")");
        browser.screenshot("admin-opportunity-types-dialog-en-1440");
        browser.waitFor(By.id("types-save")).click();
        browser.waitUntil(d -> browser.gridCells("types-grid").contains(OTHER_FLOW));
        browser.screenshot("admin-opportunity-types-en-1440");
        assertThat(types.find(typeKey).orElseThrow().flowKey()).isEqualTo(OTHER_FLOW);

        browser.speak("es");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/admin/assignment-rules");
        browser.type(By.cssSelector("#simulator-postal-code input"), zone.postalCode(1) + Keys.TAB);
        // Clicked by script: on a phone the dev-mode tool may cover the button.
        WebElement run = browser.waitFor(By.id("simulator-run"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", run);
        assertThat(browser.waitFor(By.id("simulator-answer")).getText()).as("its zone is the province")
                .startsWith("No la recibiría nadie. Ningún candidato: ningún instalador cubre el código postal "
                        + zone.postalCode(1));
        browser.type(By.cssSelector("#simulator-province input"), zone.province() + Keys.TAB);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", run);
        browser.waitUntil(d -> {
            try {
                return d.findElement(By.id("simulator-answer")).getText().startsWith("La recibiría " + busy.name());
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return false;
            }
        });
        browser.screenshot("admin-assignment-rules-es-390");
    }

    /** Its load counts an opportunity once a substate is open, which its flow does on the job executor. */
    private void awaitOpenSubstate(Opportunity opportunity) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from opportunity_substate where opportunity_id = ? and closed_at is null")
                .param(opportunity.id()).query(Long.class).single() > 0);
    }

    private Company installerCovering(String province) {
        Company company = data.partner(CompanyKind.INSTALLER);
        SystemAuthentication.runAs(data.admin(), () -> zones.addProvince(company.id(), province));
        return company;
    }
}
