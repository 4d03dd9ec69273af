package com.flowstate.action.noop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.history.ActionStatus;
import com.flowstate.history.HistorySort;
import com.flowstate.i18n.Languages;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.security.PartnerScope;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * Adding an action is one folder: this test-only action (its classes here, its migration and element template under
 * src/test/resources) takes part in the deploy-time checks, runs with its history row kept by the platform, and has
 * its tab in the action history, without any file of the application naming it.
 */
@IntegrationTest
class NoopActionIT {

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired NoopHistoryQuery history;
    @Autowired TestData data;

    @Test
    void aDeploymentWithAnUnknownOutcomeIsRefusedNamingTheElementAndTheValue() {
        assertThatThrownBy(() -> deploy(flow("NoopRefused", "EXPLODE")))
                .hasMessageContaining("DoNothing")
                .hasMessageContaining("unknown outcome 'EXPLODE'");
    }

    @Test
    void aDeploymentLeavingOutARequiredParameterIsRefused() {
        assertThatThrownBy(() -> deploy(flow("NoopMissing", "")))
                .hasMessageContaining("DoNothing")
                .hasMessageContaining("input parameter 'outcome' is missing");
    }

    @Test
    void itRunsAndItsRowIsKeptByThePlatformOnSuccessAndOnFailure() {
        deploy(flow("NoopSucceeds", "SUCCEED"));
        deploy(flow("NoopFails", "FAIL"));
        Opportunity succeeds = data.opportunity(null, null);
        Opportunity fails = data.opportunity(null, null);

        String finished = runtime.startProcessInstanceByKey("NoopSucceeds", Long.toString(succeeds.id())).getId();
        String failedButGoesOn = runtime.startProcessInstanceByKey("NoopFails", Long.toString(fails.id())).getId();

        NoopHistoryRow ok = awaitFinalRow(succeeds);
        NoopHistoryRow failed = awaitFinalRow(fails);
        assertThat(ok.state()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(ok.note()).isEqualTo("hello");
        assertThat(ok.attempts()).isEqualTo(1);
        assertThat(failed.state()).isEqualTo(ActionStatus.FAILED);
        assertThat(failed.lastError()).isEqualTo("Unexpected error: Asked to fail");
        assertThat(failed.outcome()).isEqualTo("FAIL");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                runtime.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(finished, failedButGoesOn))
                        .count() == 0);
    }

    @Test
    void anUnexpectedErrorIsFinalAfterTheLastAttemptAndTheFlowGoesOnWithoutAnIncident() {
        deploy(flow("NoopCrashes", "CRASH"));
        Opportunity crashes = data.opportunity(null, null);

        String instance = runtime.startProcessInstanceByKey("NoopCrashes", Long.toString(crashes.id())).getId();

        NoopHistoryRow row = awaitFinalRow(crashes);
        assertThat(row.state()).isEqualTo(ActionStatus.FAILED);
        assertThat(row.lastError()).isEqualTo("Unexpected error: Crashed as asked");
        assertThat(row.reason().code()).isEqualTo("unexpected");
        assertThat(row.reason().in(Languages.SPANISH)).isEqualTo("Error inesperado: Crashed as asked");
        assertThat(row.attempts()).isEqualTo(3);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void itHasATabInTheActionHistory() {
        try (Browser browser = new Browser(port)) {
            String user = data.internalUser();
            browser.login(user, user);
            browser.openActionHistory();

            browser.waitFor(By.id("tab-noop")).click();

            browser.waitFor(By.id("noop-history-grid"));
            assertThat(browser.waitFor(By.id("tab-noop")).getText()).isEqualTo("No-op");
        }
    }

    private NoopHistoryRow awaitFinalRow(Opportunity opportunity) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> rows(opportunity).stream().filter(row -> row.state().asBoolean() != null).findFirst()
                        .orElse(null), row -> row != null);
    }

    private List<NoopHistoryRow> rows(Opportunity opportunity) {
        return history.page(PartnerScope.everything(), new NoopHistoryFilter(opportunity.id(), null, null, null,
                null), HistorySort.asc("createdAt"), null, 10).items();
    }

    private void deploy(String bpmn) {
        repository.createDeployment().name("noop-test").addString("noop.bpmn", bpmn).deploy();
    }

    private static String flow(String key, String outcome) {
        return """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="DoNothing" />
                    <bpmn:serviceTask id="DoNothing" camunda:asyncBefore="true"
                                      camunda:delegateExpression="${noopAction}">
                      <bpmn:extensionElements>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="outcome">%s</camunda:inputParameter>
                          <camunda:inputParameter name="note">hello</camunda:inputParameter>
                        </camunda:inputOutput>
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="F2" sourceRef="DoNothing" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key, outcome);
    }
}
