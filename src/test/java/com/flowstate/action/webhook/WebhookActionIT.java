package com.flowstate.action.webhook;

import static com.flowstate.support.WebhookHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.connect.plugin.impl.ConnectorParseListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.history.ActionStatus;
import com.flowstate.flow.FlowService;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;
import com.flowstate.support.WebhookHistoryRows;
import com.flowstate.support.WebhookReceiver;
import com.flowstate.support.WebhookReceiver.Received;

/** The Call webhook action, run by a real substate change against a local HTTP receiver. */
@IntegrationTest
class WebhookActionIT {

    @Autowired TestData data;
    @Autowired FlowService flow;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService engineHistory;
    @Autowired RepositoryService repository;
    @Autowired ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired WebhookHistoryQuery history;
    @Autowired ObjectMapper json;

    WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void postsTheSubstateEventToTheReceiverWhenTheSubstateCloses() throws Exception {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company seller = data.partner(CompanyKind.SELLER);
        Opportunity opportunity = data.opportunity(installer, seller);
        String url = receiver.url(200, "contract-signed");
        String processInstance = data.startWebhookTestFlow(opportunity, url, null, null, false);

        flow.closeSubstate(processInstance, "ContractSigning");

        WebhookHistoryRow row = awaitRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.SUCCEEDED);
        List<Received> requests = receiver.requestsTo(url);
        assertThat(requests).hasSize(1);
        Received request = requests.get(0);
        String executionKey = jobOf(processInstance).getJobId();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("Idempotency-Key")).isEqualTo(executionKey);
        assertThat(request.header("X-Flowstate-Event")).isEqualTo("substate.closed");
        assertThat(request.header("X-Flowstate-Signature")).isNull();

        JsonNode body = json.readTree(request.body());
        assertThat(body.path("event").asText()).isEqualTo("substate.closed");
        assertThat(body.path("executionKey").asText()).isEqualTo(executionKey);
        assertThat(body.path("attempt").asInt()).isEqualTo(1);
        assertThat(body.path("trigger").asText()).isEqualTo("CLOSE");
        assertThat(body.path("substate").path("key").asText()).isEqualTo("ContractSigning");
        assertThat(body.path("substate").path("name").asText()).isEqualTo("Firma contratto");
        assertThat(body.path("activityId").asText()).isEqualTo("NotifyErp");
        assertThat(body.path("opportunity").path("id").asLong()).isEqualTo(opportunity.id());
        assertThat(body.path("opportunity").path("name").asText()).isEqualTo(opportunity.name());
        assertThat(body.path("opportunity").path("customerName").asText()).isEqualTo(opportunity.customerName());
        assertThat(body.path("opportunity").path("installer").asText()).isEqualTo(installer.name());
        assertThat(body.path("opportunity").path("seller").asText()).isEqualTo(seller.name());
        assertThat(body.path("sentAt").asText()).isNotBlank();

        assertThat(row.action().status()).isTrue();
        assertThat(row.responseCode()).isEqualTo(200);
        assertThat(row.responseExcerpt()).isEqualTo("{\"received\": true}");
        assertThat(row.url()).isEqualTo(url);
        assertThat(row.eventName()).isEqualTo("substate.closed");
        assertThat(row.action().attempts()).isEqualTo(1);
        assertThat(row.action().lastError()).isNull();
        assertThat(row.calledAt()).isNotNull();
        assertThat(row.durationMillis()).isNotNull().isGreaterThanOrEqualTo(0L);
        assertThat(row.action().substateKey()).isEqualTo("ContractSigning");
        assertThat(row.action().trigger()).isEqualTo("CLOSE");
        awaitEnded(processInstance);
    }

    @Test
    void retriesAServerErrorThenRecordsFalseWithTheStatusAndTheFlowGoesOn() {
        Opportunity opportunity = data.opportunity(null, null);
        String url = receiver.url(500, "erp-down");
        String processInstance = data.startWebhookTestFlow(opportunity, url, "contract.signed", null, false);

        flow.closeSubstate(processInstance, "ContractSigning");

        WebhookHistoryRow row = awaitRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.FAILED);
        assertThat(row.action().status()).isFalse();
        assertThat(row.action().attempts()).isEqualTo(3);
        assertThat(row.responseCode()).isEqualTo(500);
        assertThat(row.action().lastError()).isEqualTo("HTTP 500 from " + url);
        assertThat(row.responseExcerpt()).contains("status 500");
        assertThat(row.eventName()).isEqualTo("contract.signed");
        List<Received> requests = receiver.requestsTo(url);
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.header("Idempotency-Key")).containsOnly(jobOf(processInstance).getJobId());
        awaitEnded(processInstance);
    }

    @Test
    void aRefusedConnectionIsRetriedAsTransientThenRecordedFalse() {
        Opportunity opportunity = data.opportunity(null, null);
        String url = WebhookReceiver.refusingUrl("nobody-home");
        String processInstance = data.startWebhookTestFlow(opportunity, url, null, null, false);

        flow.closeSubstate(processInstance, "ContractSigning");

        WebhookHistoryRow retrying = awaitRow(history, opportunity.id(),
                r -> r.action().state() == ActionStatus.RETRYING);
        assertThat(retrying.action().lastError()).startsWith("Connection refused by 127.0.0.1:");
        assertThat(retrying.action().status()).isNull();
        WebhookHistoryRow row = awaitRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.FAILED);
        assertThat(row.action().attempts()).isEqualTo(3);
        assertThat(row.action().lastError()).startsWith("Connection refused by 127.0.0.1:")
                .endsWith("(" + url + ")");
        assertThat(row.responseCode()).isNull();
        assertThat(row.calledAt()).isNotNull();
        awaitEnded(processInstance);
    }

    @Test
    void aClientErrorFailsAtOnceWithoutRetrying() {
        Opportunity opportunity = data.opportunity(null, null);
        String url = receiver.url(404, "no-such-hook");
        String processInstance = data.startWebhookTestFlow(opportunity, url, null, null, false);

        flow.closeSubstate(processInstance, "ContractSigning");

        WebhookHistoryRow row = awaitRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.FAILED);
        assertThat(row.action().attempts()).isEqualTo(1);
        assertThat(row.responseCode()).isEqualTo(404);
        assertThat(row.action().lastError()).isEqualTo("HTTP 404 from " + url);
        assertThat(receiver.requestsTo(url)).hasSize(1);
        awaitEnded(processInstance);
    }

    @Test
    void callsExactlyOnceWhenTheJobIsRetriedAfterAFailedCommit() {
        Opportunity opportunity = data.opportunity(null, null);
        String url = receiver.url(202, "once-only");
        String processInstance = data.startWebhookTestFlow(opportunity, url, null, null, true);

        flow.closeSubstate(processInstance, "ContractSigning");

        WebhookHistoryRow row = awaitRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.SUCCEEDED);
        assertThat(row.action().attempts()).isEqualTo(2);
        assertThat(row.responseCode()).isEqualTo(202);
        assertThat(receiver.requestsTo(url)).hasSize(1);
        assertThat(WebhookHistoryRows.of(history, opportunity.id())).hasSize(1);
        awaitEnded(processInstance);
    }

    @Test
    void anUnknownSigningSecretFailsAtOnceWithItsNameAndCallsNobody() {
        Opportunity opportunity = data.opportunity(null, null);
        String url = receiver.url(200, "unsigned");
        String processInstance = data.startWebhookTestFlow(opportunity, url, null, "erp", false);

        flow.closeSubstate(processInstance, "ContractSigning");

        WebhookHistoryRow row = awaitRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.FAILED);
        assertThat(row.action().attempts()).isEqualTo(1);
        assertThat(row.action().lastError()).isEqualTo("Unknown webhook secret 'erp' (configure flowstate.webhook.secrets.erp)");
        assertThat(receiver.requestsTo(url)).isEmpty();
    }

    @Test
    void aFlowWhoseWebhookUrlIsNotHttpIsRefusedAtDeployWithTheElementId() {
        String bpmn = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="BrokenWebhookFlow" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="NotifyErp" />
                    <bpmn:serviceTask id="NotifyErp" camunda:asyncBefore="true"
                                      camunda:delegateExpression="${callWebhookAction}">
                      <bpmn:extensionElements>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="url">ftp://erp.example.com/drop</camunda:inputParameter>
                        </camunda:inputOutput>
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="F2" sourceRef="NotifyErp" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>""";

        assertThatThrownBy(() -> repository.createDeployment().name("webhook-validation-test")
                .addString("broken-webhook.bpmn", bpmn).deploy())
                .hasMessageContaining("NotifyErp")
                .hasMessageContaining("webhook url 'ftp://erp.example.com/drop' is not an absolute http or https URL");
    }

    @Test
    void camundaConnectIsPluggedIntoTheEngineOnce() {
        // The Camunda starter registers ConnectProcessEnginePlugin; its mark on the engine is Connect's parse listener.
        assertThat(engineConfiguration.getCustomPreBPMNParseListeners())
                .filteredOn(ConnectorParseListener.class::isInstance).hasSize(1);
    }

    /** The engine job that ran the action: its id is the execution key. */
    private HistoricJobLog jobOf(String processInstance) {
        return engineHistory.createHistoricJobLogQuery().processInstanceId(processInstance)
                .activityIdIn("NotifyErp").creationLog().singleResult();
    }

    private void awaitEnded(String processInstance) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                runtime.createProcessInstanceQuery().processInstanceId(processInstance).singleResult() == null);
    }
}
