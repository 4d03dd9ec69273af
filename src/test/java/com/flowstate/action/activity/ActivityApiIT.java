package com.flowstate.action.activity;

import static com.flowstate.support.ActivityHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.ActivityHistoryRows;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** {@code /api/activities}: a partner's to-do list and who may mark an activity completed. */
@IntegrationTest
class ActivityApiIT {

    @Autowired TestData data;
    @Autowired ActivityHistoryQuery history;
    @Autowired TestRestTemplate rest;

    Company installer;
    Company seller;
    Opportunity opportunity;
    long activityId;
    String subject;

    @BeforeEach
    void anActivityForTheInstaller() {
        installer = data.partner(CompanyKind.INSTALLER);
        seller = data.partner(CompanyKind.SELLER);
        opportunity = data.opportunity(installer, seller);
        subject = data.unique("Sopralluogo");
        data.startActivityTestFlow(opportunity, "TECHNICAL_SURVEY", subject, 4, "INSTALLER", false);
        activityId = awaitRow(history, opportunity.id(), subject, row -> row.state() == ActionStatus.SUCCEEDED)
                .activityRef();
    }

    @Test
    void aPartnerListsTheOpenActivitiesOfTheirCompanyOnly() {
        String installerUser = data.partnerUser(installer);
        String sellerUser = data.partnerUser(seller);

        List<Map<String, Object>> installers = mine(installerUser);
        List<Map<String, Object>> sellers = mine(sellerUser);

        assertThat(installers).filteredOn(item -> number(item, "id") == activityId).singleElement()
                .satisfies(item -> {
                    assertThat(item.get("subject")).isEqualTo(subject);
                    assertThat(item.get("type")).isEqualTo("TECHNICAL_SURVEY");
                    assertThat(item.get("assigneeRole")).isEqualTo("INSTALLER");
                    assertThat(item.get("assigneeName")).isEqualTo(installer.name());
                    assertThat(item.get("completed")).isEqualTo(false);
                });
        assertThat(sellers).extracting(item -> number(item, "id")).doesNotContain(activityId);
    }

    @Test
    void thePartnerAssignedCompletesItAndTheHistoryTabShowsItCompleted() {
        String installerUser = data.partnerUser(installer);

        ResponseEntity<Map<String, Object>> response = complete(installerUser);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("completed", true).containsKey("completedAt");
        assertThat(mine(installerUser)).extracting(item -> number(item, "id")).doesNotContain(activityId);
        var tab = rest.withBasicAuth(installerUser, installerUser).exchange(
                "/api/history/activities?completed=true&opportunityId=" + opportunity.id(), HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(tab.getBody().get("items").toString()).contains("activityRef=" + activityId);
    }

    @Test
    void aPartnerOfTheSameOpportunityMayNotCompleteAnotherCompanysActivity() {
        String sellerUser = data.partnerUser(seller);

        assertThat(complete(sellerUser).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ActivityHistoryRows.of(history, opportunity.id())).filteredOn(row -> row.activityRef() != null
                && row.activityRef() == activityId).extracting(row -> row.completed()).containsOnly(false);
    }

    @Test
    void aPartnerOfAnotherOpportunityDoesNotFindTheActivity() {
        String stranger = data.partnerUser(data.partner(CompanyKind.INSTALLER));

        assertThat(complete(stranger).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anInternalUserMayCompleteAPartnersActivity() {
        String internal = data.internalUser();

        ResponseEntity<Map<String, Object>> response = complete(internal);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("completed", true)
                .containsEntry("completedBy", "Internal " + internal);
    }

    private ResponseEntity<Map<String, Object>> complete(String user) {
        return rest.withBasicAuth(user, user).exchange("/api/activities/" + activityId + "/complete",
                HttpMethod.POST, null, new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> mine(String user) {
        var response = rest.withBasicAuth(user, user).exchange("/api/activities/mine?size=200", HttpMethod.GET,
                null, new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) response.getBody().get("items");
    }

    private static long number(Map<String, Object> item, String key) {
        return ((Number) item.get(key)).longValue();
    }
}
