package com.flowstate.action.activity;

import static com.flowstate.support.ActivityHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.flowstate.history.ActionStatus;
import com.flowstate.history.HistorySort;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.UserService;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * {@code GET /api/history/activities}: each filter, keyset paging and the partner scope, over activities created by
 * the real action. Admin sees everything, so assertions look at this class's own rows.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityHistoryApiIT {

    @Autowired TestData data;
    @Autowired ActivityHistoryQuery history;
    @Autowired ActivityService activities;
    @Autowired UserService users;
    @Autowired TestRestTemplate rest;

    Company installerA;
    Opportunity completedCallOfA;
    Opportunity openVisitOfA;
    Opportunity callOfB;
    Opportunity failedWithoutInstaller;
    String userOfA;
    String admin;

    @BeforeAll
    void activitiesOfTwoInstallersAndAFailure() {
        installerA = data.partner(CompanyKind.INSTALLER);
        Company installerB = data.partner(CompanyKind.INSTALLER);
        Company seller = data.partner(CompanyKind.SELLER);
        completedCallOfA = withActivity(data.opportunity(installerA, seller), "CALL", ActionStatus.SUCCEEDED);
        openVisitOfA = withActivity(data.opportunity(installerA, seller), "VISIT", ActionStatus.SUCCEEDED);
        callOfB = withActivity(data.opportunity(installerB, seller), "CALL", ActionStatus.SUCCEEDED);
        failedWithoutInstaller = withActivity(data.opportunity(null, seller), "CALL", ActionStatus.FAILED);
        userOfA = data.partnerUser(installerA);
        long completedId = rowsOf(completedCallOfA).get(0).activityRef();
        activities.complete(users.loadUserByUsername(userOfA), completedId);
        admin = data.admin().getUsername();
    }

    @Test
    void filtersByActivityTypeIgnoringCase() {
        List<Map<String, Object>> items = items(admin, "activityType=call&size=500");

        assertThat(items).extracting(item -> item.get("activityType")).containsOnly("CALL");
        assertThat(opportunityIds(items)).contains(completedCallOfA.id(), callOfB.id())
                .doesNotContain(openVisitOfA.id());
    }

    @Test
    void filtersByWhetherTheActivityIsCompletedNow() {
        List<Map<String, Object>> completed = items(admin, "completed=true&size=500");
        List<Map<String, Object>> open = items(admin, "completed=false&size=500");

        assertThat(completed).extracting(item -> item.get("completed")).containsOnly(true);
        assertThat(opportunityIds(completed)).contains(completedCallOfA.id()).doesNotContain(openVisitOfA.id());
        assertThat(open).extracting(item -> item.get("completed")).containsOnly(false);
        assertThat(opportunityIds(open)).contains(openVisitOfA.id(), callOfB.id())
                .doesNotContain(completedCallOfA.id(), failedWithoutInstaller.id());
    }

    @Test
    void filtersByStatusWithTheFailureReason() {
        List<Map<String, Object>> failed = items(admin, "status=false&size=500");

        assertThat(failed).extracting(item -> item.get("status")).containsOnly(false);
        assertThat(failed).filteredOn(item -> number(item, "opportunityId") == failedWithoutInstaller.id())
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.get("lastError")).isEqualTo("No installer is assigned to the opportunity");
                    assertThat(item.get("state")).isEqualTo("FAILED");
                    assertThat(item.get("completed")).isNull();
                });
        assertThat(opportunityIds(failed)).doesNotContain(openVisitOfA.id());
    }

    @Test
    void filtersByOpportunityNameAndId() {
        List<Map<String, Object>> byName = items(admin, "opportunity=" + openVisitOfA.customerName().toLowerCase());
        List<Map<String, Object>> byId = items(admin, "opportunityId=" + callOfB.id());

        assertThat(opportunityIds(byName)).containsOnly(openVisitOfA.id());
        assertThat(byName).extracting(item -> item.get("opportunityName")).containsOnly(openVisitOfA.name());
        assertThat(opportunityIds(byId)).containsOnly(callOfB.id());
    }

    @Test
    void aPartnerSeesOnlyTheRowsOfTheirCompanysOpportunities() {
        List<Map<String, Object>> items = items(userOfA, "size=500");

        assertThat(opportunityIds(items)).contains(completedCallOfA.id(), openVisitOfA.id())
                .doesNotContain(callOfB.id(), failedWithoutInstaller.id());
        assertThat(items).allSatisfy(item -> assertThat(item).containsKeys("opportunityName", "activityType",
                "completed", "dueDate", "assigneeName", "createdAt", "status"));
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatingRows() {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = page(userOfA, "size=1&sort=createdAt,asc"
                    + (cursor == null ? "" : "&cursor=" + cursor)).getBody();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            items.forEach(item -> ids.add(number(item, "id")));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null && pages < 50);

        assertThat(pages).isGreaterThanOrEqualTo(2).isEqualTo(ids.size());
        assertThat(ids).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void anUnknownSortIsABadRequest() {
        var response = rest.withBasicAuth(admin, admin).getForEntity("/api/history/activities?sort=colour,asc",
                String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private Opportunity withActivity(Opportunity opportunity, String type, ActionStatus outcome) {
        String subject = data.unique("Attività");
        data.startActivityTestFlow(opportunity, type, subject, 2, "INSTALLER", false);
        awaitRow(history, opportunity.id(), subject, row -> row.state() == outcome);
        return opportunity;
    }

    private List<ActivityHistoryRow> rowsOf(Opportunity opportunity) {
        return history.page(PartnerScope.everything(), ActivityHistoryFilter.ofOpportunity(opportunity.id()),
                HistorySort.asc("createdAt"), null, 10).items();
    }

    private ResponseEntity<Map<String, Object>> page(String user, String query) {
        var response = rest.withBasicAuth(user, user).exchange("/api/history/activities?" + query, HttpMethod.GET,
                null, new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String user, String query) {
        return (List<Map<String, Object>>) page(user, query).getBody().get("items");
    }

    /** Opportunities of this class's test flow rows; the demo flow creates activities on the same opportunities. */
    private static List<Long> opportunityIds(List<Map<String, Object>> items) {
        return items.stream().filter(item -> "TestCall".equals(item.get("substateKey")))
                .map(item -> number(item, "opportunityId")).toList();
    }

    private static long number(Map<String, Object> item, String key) {
        return ((Number) item.get(key)).longValue();
    }
}
