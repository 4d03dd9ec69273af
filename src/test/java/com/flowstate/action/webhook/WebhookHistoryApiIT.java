package com.flowstate.action.webhook;

import static com.flowstate.support.WebhookHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.flowstate.flow.FlowService;
import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;
import com.flowstate.support.WebhookReceiver;

/** GET /api/history/webhooks: the Webhook tab's filters, sort and paging, within the caller's partner scope. */
@IntegrationTest
class WebhookHistoryApiIT {

    @Autowired TestData data;
    @Autowired FlowService flow;
    @Autowired WebhookHistoryQuery history;
    @Autowired TestRestTemplate rest;

    WebhookReceiver receiver;
    Opportunity acceptedOfA;
    Opportunity rejectedOfA;
    Opportunity rejectedOfB;
    String acceptedUrl;
    String userOfA;

    @BeforeEach
    void twoInstallersWhoseOpportunitiesCalledWebhooks() {
        receiver = new WebhookReceiver();
        Company installerA = data.partner(CompanyKind.INSTALLER);
        Company installerB = data.partner(CompanyKind.INSTALLER);
        acceptedOfA = data.opportunity(installerA, null);
        rejectedOfA = data.opportunity(installerA, null);
        rejectedOfB = data.opportunity(installerB, null);
        acceptedUrl = receiver.url(200, data.unique("erp"));
        call(acceptedOfA, acceptedUrl);
        call(rejectedOfA, receiver.url(422, data.unique("esign")));
        call(rejectedOfB, receiver.url(422, data.unique("esign")));
        awaitRow(history, acceptedOfA.id(), row -> row.action().state() == ActionStatus.SUCCEEDED);
        awaitRow(history, rejectedOfA.id(), row -> row.action().state() == ActionStatus.FAILED);
        awaitRow(history, rejectedOfB.id(), row -> row.action().state() == ActionStatus.FAILED);
        userOfA = data.partnerUser(installerA);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aPartnerGetsOnlyTheRowsOfItsOwnOpportunities() {
        List<Map<String, Object>> items = items(userOfA, "size=500");

        assertThat(opportunityIds(items)).containsExactlyInAnyOrder(acceptedOfA.id(), rejectedOfA.id());
        assertThat(items(userOfA, "opportunityId=" + rejectedOfB.id())).isEmpty();
    }

    @Test
    void anInternalUserGetsEveryCompanysRows() {
        String internal = data.internalUser();

        assertThat(opportunityIds(items(internal, "opportunityId=" + rejectedOfA.id()))).containsExactly(rejectedOfA.id());
        assertThat(opportunityIds(items(internal, "opportunityId=" + rejectedOfB.id()))).containsExactly(rejectedOfB.id());
    }

    @Test
    void filtersByStatusResponseCodeUrlAndDate() {
        List<Map<String, Object>> failed = items(userOfA, "status=false");
        assertThat(opportunityIds(failed)).containsOnly(rejectedOfA.id());
        assertThat(failed.get(0)).containsEntry("status", false).containsEntry("state", "FAILED")
                .containsEntry("responseCode", 422).containsEntry("attempts", 1);
        assertThat((String) failed.get(0).get("lastError")).startsWith("HTTP 422 from ");

        List<Map<String, Object>> ok = items(userOfA, "responseCode=200");
        assertThat(opportunityIds(ok)).containsOnly(acceptedOfA.id());
        assertThat(ok.get(0)).containsEntry("status", true).containsEntry("url", acceptedUrl)
                .containsEntry("eventName", "substate.closed").containsEntry("substateKey", "ContractSigning")
                .containsEntry("trigger", "CLOSE").containsKeys("calledAt", "durationMillis", "responseExcerpt");

        String path = acceptedUrl.substring(acceptedUrl.lastIndexOf('/') + 1);
        assertThat(opportunityIds(items(userOfA, "url=" + path.toUpperCase()))).containsOnly(acceptedOfA.id());

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
        assertThat(opportunityIds(items(userOfA, "from=" + today + "&to=" + today)))
                .contains(acceptedOfA.id(), rejectedOfA.id());
        assertThat(items(userOfA, "from=" + today.plusDays(1))).isEmpty();
    }

    @Test
    void pagesByCursorInTheRequestedOrder() {
        ResponseEntity<Map<String, Object>> first = get(userOfA, "sort=responseCode,asc&size=1");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        String cursor = (String) first.getBody().get("nextCursor");
        assertThat(cursor).isNotNull();

        ResponseEntity<Map<String, Object>> second = get(userOfA, "sort=responseCode,asc&size=1&cursor=" + cursor);

        assertThat(opportunityIds(itemsOf(first))).containsExactly(acceptedOfA.id());
        assertThat(opportunityIds(itemsOf(second))).containsExactly(rejectedOfA.id());
        assertThat(second.getBody().get("nextCursor")).isNull();
    }

    private void call(Opportunity opportunity, String url) {
        String processInstance = data.startWebhookTestFlow(opportunity, url, null, null, false);
        flow.closeSubstate(processInstance, "ContractSigning");
    }

    private List<Map<String, Object>> items(String user, String query) {
        ResponseEntity<Map<String, Object>> response = get(user, query);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return itemsOf(response);
    }

    private ResponseEntity<Map<String, Object>> get(String user, String query) {
        return rest.withBasicAuth(user, user).exchange("/api/history/webhooks?" + query, HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> itemsOf(ResponseEntity<Map<String, Object>> response) {
        return (List<Map<String, Object>>) response.getBody().get("items");
    }

    private static List<Long> opportunityIds(List<Map<String, Object>> items) {
        return items.stream().map(item -> ((Number) item.get("opportunityId")).longValue()).toList();
    }
}
