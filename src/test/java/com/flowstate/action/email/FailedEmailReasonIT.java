package com.flowstate.action.email;

import static com.flowstate.support.EmailHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.flowstate.history.ActionStatus;
import com.flowstate.i18n.Languages;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * An e-mail that fails because its SMTP server is down keeps why as a reason code with parameters: the row reads in
 * each language, and the REST API gives the code, the parameters and the English text.
 */
@IntegrationTest
class FailedEmailReasonIT {

    private static final String DEAD_SERVER = "'" + TestData.DEAD_SMTP + "' (127.0.0.1:9)";

    @Autowired TestData data;
    @Autowired EmailHistoryQuery history;
    @Autowired OpportunityService opportunities;
    @Autowired TestRestTemplate rest;

    @Test
    void anEmailThroughADeadServerStoresTheReasonAsACodeWithTheServerAsParameter() {
        Opportunity opportunity = failedSurveyEmail();

        EmailHistoryRow failed = awaitRow(history, opportunity.id(), "site-survey-done",
                r -> r.state() == ActionStatus.FAILED);

        assertThat(failed.reason().code()).isEqualTo("smtp.unreachable");
        assertThat(failed.reason().params()).containsExactly(Map.entry("server", DEAD_SERVER));
        assertThat(failed.lastError()).isEqualTo("SMTP server " + DEAD_SERVER + " is unreachable: connection refused");
        assertThat(failed.reason().in(Languages.ITALIAN))
                .isEqualTo("Il server SMTP " + DEAD_SERVER + " non è raggiungibile: connessione rifiutata");
        assertThat(failed.reason().in(Languages.SPANISH))
                .isEqualTo("El servidor SMTP " + DEAD_SERVER + " no es accesible: conexión rechazada");
    }

    @Test
    void anAttemptThatWillBeRetriedKeepsItsReasonCodeToo() {
        Opportunity opportunity = failedSurveyEmail();

        // Recorded from the engine's failure transaction, after the attempt rolled back (one second to the retry).
        EmailHistoryRow retrying = awaitRow(history, opportunity.id(), "site-survey-done",
                r -> r.state() == ActionStatus.RETRYING);

        assertThat(retrying.reason().code()).isEqualTo("smtp.unreachable");
        assertThat(retrying.reason().params()).containsEntry("server", DEAD_SERVER);
        assertThat(retrying.lastError()).isEqualTo("SMTP server " + DEAD_SERVER + " is unreachable: connection refused");
    }

    @Test
    void theRestApiGivesTheReasonsCodeParametersAndEnglishText() {
        Opportunity opportunity = failedSurveyEmail();
        awaitRow(history, opportunity.id(), "site-survey-done", r -> r.state() == ActionStatus.FAILED);
        String admin = data.admin().getUsername();

        var response = rest.withBasicAuth(admin, admin).exchange("/api/history/emails?opportunityId="
                        + opportunity.id() + "&template=site-survey-done", HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() { });

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) response.getBody().get("items");
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("status", false)
                    .containsEntry("reasonCode", "smtp.unreachable")
                    .containsEntry("reasonParams", Map.of("server", DEAD_SERVER))
                    .containsEntry("lastError", "SMTP server " + DEAD_SERVER + " is unreachable: connection refused");
            assertThat(item).doesNotContainKey("reason");
        });
    }

    @Test
    void aRowThatSucceededHasNoReason() {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), data.partner(CompanyKind.SELLER));

        EmailHistoryRow sent = awaitRow(history, opportunity.id(), "welcome", r -> r.state() == ActionStatus.SUCCEEDED);

        assertThat(sent.reason()).isNull();
        assertThat(sent.action().reasonCode()).isNull();
        assertThat(sent.action().reasonParams()).isNull();
    }

    /** Its on-close e-mail of the site survey goes through the dead "Legacy relay" and fails after its retries. */
    private Opportunity failedSurveyEmail() {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), data.partner(CompanyKind.SELLER));
        closeWhenOpen(opportunity, "NewContact");
        closeWhenOpen(opportunity, "SiteSurvey");
        return opportunity;
    }

    private void closeWhenOpen(Opportunity opportunity, String substate) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                opportunities.openSubstates(PartnerScope.everything(), opportunity.id()).stream()
                        .anyMatch(s -> s.key().equals(substate)));
        SystemAuthentication.runAs(data.admin(),
                () -> opportunities.closeSubstate(PartnerScope.everything(), opportunity.id(), substate));
    }
}
