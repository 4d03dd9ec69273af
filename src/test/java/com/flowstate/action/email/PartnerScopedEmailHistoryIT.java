package com.flowstate.action.email;

import static com.flowstate.support.EmailHistoryRows.awaitRow;
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

import com.flowstate.history.ActionStatus;
import com.flowstate.history.HistorySort;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

@IntegrationTest
class PartnerScopedEmailHistoryIT {

    @Autowired TestData data;
    @Autowired EmailHistoryQuery history;
    @Autowired TestRestTemplate rest;

    Company installerA;
    Company installerB;
    Opportunity ofA;
    Opportunity ofB;
    String userOfA;

    @BeforeEach
    void twoInstallersWithAnOpportunityEach() {
        installerA = data.partner(CompanyKind.INSTALLER);
        installerB = data.partner(CompanyKind.INSTALLER);
        Company seller = data.partner(CompanyKind.SELLER);
        ofA = data.opportunity(installerA, seller);
        ofB = data.opportunity(installerB, seller);
        userOfA = data.partnerUser(installerA);
        awaitRow(history, ofA.id(), "welcome", row -> row.state() == ActionStatus.SUCCEEDED);
        awaitRow(history, ofB.id(), "welcome", row -> row.state() == ActionStatus.SUCCEEDED);
    }

    @Test
    void theQueryServiceReturnsOnlyRowsOfTheInstallersOpportunities() {
        List<EmailHistoryRow> rows = history.page(PartnerScope.company(installerA.id()), EmailHistoryFilter.empty(),
                HistorySort.desc("createdAt"), null, 500).items();

        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(EmailHistoryRow::opportunityId).containsOnly(ofA.id());
    }

    @Test
    void theRestApiReturnsOnlyRowsOfTheInstallersOpportunities() {
        var response = rest.withBasicAuth(userOfA, userOfA).exchange("/api/history/emails?size=500",
                HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() { });

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) response.getBody().get("items");
        assertThat(items).isNotEmpty();
        assertThat(items).extracting(item -> ((Number) item.get("opportunityId")).longValue()).containsOnly(ofA.id());
        assertThat(items).allSatisfy(item -> assertThat(item).containsKeys("opportunityName", "status", "template",
                "recipientEmail", "smtpCredential"));
    }

    @Test
    void anotherCompanysOpportunityIsNotFoundForAPartner() {
        var mine = rest.withBasicAuth(userOfA, userOfA).getForEntity("/api/opportunities/" + ofA.id(), String.class);
        var theirs = rest.withBasicAuth(userOfA, userOfA).getForEntity("/api/opportunities/" + ofB.id(), String.class);

        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPartnerUserIsForbiddenTheEngineRestApi() {
        var response = rest.withBasicAuth(userOfA, userOfA).getForEntity("/engine-rest/engine", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aPartnerUserMayNotMoveSubstates() {
        var response = rest.withBasicAuth(userOfA, userOfA).postForEntity(
                "/api/opportunities/" + ofA.id() + "/substates/NewContact/close", null, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
