package com.flowstate.action.substate.ui;

import static com.flowstate.support.SubstateChangeHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.action.substate.SubstateChangeHistoryQuery;
import com.flowstate.flow.FlowService;
import com.flowstate.opportunity.OpenSubstate;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.security.UserService;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** A partner user reads the Substates tab of their own opportunities and filters it, in a real Chromium. */
@IntegrationTest
class SubstateChangeHistoryBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired FlowService flow;
    @Autowired RuntimeService runtime;
    @Autowired OpportunityService opportunities;
    @Autowired UserService users;
    @Autowired SubstateChangeHistoryQuery history;

    Browser browser;
    /** The UI's texts in the language it chose for the browser, so the test reads what a user reads. */
    ResourceBundle texts;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aPartnerFiltersTheSubstatesTabByStatusChangeTypeAndManualAndSeesOnlyTheirOwn() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company other = data.partner(CompanyKind.INSTALLER);
        Company seller = data.partner(CompanyKind.SELLER);
        Opportunity opened = data.opportunity(installer, seller);
        Opportunity notOpen = data.opportunity(installer, seller);
        Opportunity othersNotOpen = data.opportunity(other, seller);
        closeIntake(data.startSubstateChangeTestFlow(opened, "OPEN", "Paperwork"));
        closeIntake(data.startSubstateChangeTestFlow(notOpen, "CLOSE", "Paperwork"));
        closeIntake(data.startSubstateChangeTestFlow(othersNotOpen, "CLOSE", "Paperwork"));
        awaitRow(history, opened.id(), row -> row.action().status() != null);
        awaitRow(history, notOpen.id(), row -> row.action().status() != null);
        awaitRow(history, othersNotOpen.id(), row -> row.action().status() != null);
        String internal = data.internalUser();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                opportunities.openSubstates(PartnerScope.everything(), opened.id()).stream()
                        .map(OpenSubstate::key).toList().contains("NewContact"));
        SystemAuthentication.runAs(users.loadUserByUsername(internal),
                () -> opportunities.closeSubstate(PartnerScope.everything(), opened.id(), "NewContact"));
        String user = data.partnerUser(installer);

        browser.login(user, user);
        openTheSubstatesTabFromTheUserMenu();
        browser.waitUntil(driver -> visibleCells().stream().anyMatch(text -> text.equals(notOpen.name())));
        List<String> everything = visibleCells();
        browser.screenshot("action-history-substates-partner");
        assertThat(everything).contains(opened.name(), notOpen.name(), "Pratiche", "New contact",
                t("history.substate.changeType.OPEN"), t("history.substate.changeType.CLOSE"));
        assertThat(everything).doesNotContain(othersNotOpen.name());

        browser.choose("substate-filter-status", t("history.substate.state.FAILED"));
        browser.waitUntil(driver -> !visibleCells().contains(opened.name()));
        List<String> notCompleted = visibleCells();
        browser.screenshot("action-history-substates-partner-status-false");
        assertThat(notCompleted).contains(notOpen.name(), t("history.substate.changeType.CLOSE"), "Pratiche",
                "Substate Pratiche is not open");
        assertThat(notCompleted).contains(t("history.substate.state.FAILED"))
                .doesNotContain(t("history.substate.state.SUCCEEDED"), "true", "false");
        assertThat(notCompleted).doesNotContain(opened.name(), othersNotOpen.name());

        browser.waitFor(By.id("substate-history-clear-filters")).click();
        browser.choose("substate-filter-change-type", t("history.substate.changeType.OPEN"));
        browser.waitUntil(driver -> !visibleCells().contains(notOpen.name()));
        List<String> opens = visibleCells();
        assertThat(opens).contains(opened.name(), t("history.substate.changeType.OPEN"), "Pratiche")
                .doesNotContain(t("history.substate.changeType.CLOSE"));
        assertThat(opens).contains(t("history.substate.state.SUCCEEDED")).doesNotContain("true", "false");

        browser.waitFor(By.id("substate-history-clear-filters")).click();
        browser.choose("substate-filter-manual", t("history.substate.origin.true"));
        browser.waitUntil(driver -> !visibleCells().contains("Pratiche"));
        List<String> manual = visibleCells();
        browser.screenshot("action-history-substates-partner-manual");
        assertThat(manual).contains(opened.name(), t("history.substate.changeType.CLOSE"), "New contact",
                t("history.substate.manual") + "Internal " + internal);
        assertThat(manual).doesNotContain(notOpen.name());
    }

    private void closeIntake(String instance) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            ActivityInstance tree = runtime.getActivityInstance(instance);
            return tree != null && tree.getActivityInstances("Intake_Open").length > 0;
        });
        flow.closeSubstate(instance, "Intake");
    }

    private void openTheSubstatesTabFromTheUserMenu() {
        browser.openActionHistory();
        WebElement tab = browser.waitFor(By.id("tab-substates"));
        texts = bundleLabelling("history.tab.substates", tab.getText().strip());
        tab.click();
        browser.waitFor(By.id("substate-history-grid"));
    }

    private static ResourceBundle bundleLabelling(String key, String label) {
        return Stream.of(Locale.ITALIAN, Locale.ENGLISH, Locale.forLanguageTag("es"))
                .map(locale -> ResourceBundle.getBundle("vaadin-i18n/translations", locale))
                .filter(bundle -> bundle.getString(key).equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("No UI language labels a tab '" + label + "'"));
    }

    private String t(String key) {
        return texts.getString(key);
    }

    private List<String> visibleCells() {
        return browser.gridCells("substate-history-grid");
    }
}
