package com.flowstate.action.activity.ui;

import static com.flowstate.support.ActivityHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.action.activity.ActivityHistoryQuery;
import com.flowstate.action.activity.ActivityService;
import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.UserService;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * A partner user works with activities in a real Chromium: filters the Activities tab of the action history, and
 * completes an activity from "My activities".
 */
@IntegrationTest
class ActivityHistoryBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired ActivityHistoryQuery history;
    @Autowired ActivityService activities;
    @Autowired UserService users;

    Browser browser;
    String call;
    String visit;
    String othersCall;
    Opportunity callOpportunity;
    long callActivityId;
    String user;

    @BeforeEach
    void aCallAndACompletedVisitOfOneInstallerAndACallOfAnother() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company other = data.partner(CompanyKind.INSTALLER);
        call = data.unique("Chiamare");
        visit = data.unique("Visitare");
        othersCall = data.unique("Chiamare");
        callOpportunity = data.opportunity(installer, null);
        callActivityId = activity(callOpportunity, "CALL", call);
        long visitActivityId = activity(data.opportunity(installer, null), "VISIT", visit);
        activity(data.opportunity(other, null), "CALL", othersCall);
        user = data.partnerUser(installer);
        activities.complete(users.loadUserByUsername(user), visitActivityId);
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aPartnerFiltersTheActivitiesTabByTypeAndCompletion() {
        browser.speak("it");
        browser.login(user, user);
        browser.openActionHistoryTab("tab-activities", "activity-history-grid");
        browser.waitUntil(driver -> visibleCells().containsAll(List.of(call, visit)));
        assertThat(visibleCells()).doesNotContain(othersCall);
        browser.screenshot("action-history-activities-partner");

        browser.choose("activity-filter-type", "Chiamata");
        browser.waitUntil(driver -> !visibleCells().contains(visit));
        List<String> calls = visibleCells();
        browser.screenshot("action-history-activities-partner-type-call");

        assertThat(calls).contains(call, "Chiamata", "no").doesNotContain(visit, othersCall, "Visita");

        browser.waitFor(By.id("activity-history-clear-filters")).click();
        browser.choose("activity-filter-completed", "sì");
        browser.waitUntil(driver -> !visibleCells().contains(call));
        List<String> completed = visibleCells();
        browser.screenshot("action-history-activities-partner-completed");

        assertThat(completed).contains(visit, "Visita", "sì").doesNotContain(call, othersCall);
    }

    @Test
    void aPartnerCompletesAnActivityFromMyActivities() {
        browser.login(user, user);
        browser.waitFor(By.id("nav-activities")).click();
        browser.waitUntil(driver -> browser.gridCells("my-activities-grid").contains(call));
        assertThat(browser.gridCells("my-activities-grid")).doesNotContain(visit, othersCall);
        browser.screenshot("my-activities-partner");

        browser.waitFor(By.id("complete-activity-" + callActivityId)).click();
        browser.waitUntil(driver -> !browser.gridCells("my-activities-grid").contains(call));
        browser.screenshot("my-activities-partner-after-complete");

        assertThat(awaitRow(history, callOpportunity.id(), call, row -> Boolean.TRUE.equals(row.completed()))
                .completedAt()).isNotNull();
    }

    private long activity(Opportunity opportunity, String type, String subject) {
        data.startActivityTestFlow(opportunity, type, subject, 2, "INSTALLER", false);
        return awaitRow(history, opportunity.id(), subject, row -> row.state() == ActionStatus.SUCCEEDED)
                .activityRef();
    }

    private List<String> visibleCells() {
        return browser.gridCells("activity-history-grid");
    }
}
