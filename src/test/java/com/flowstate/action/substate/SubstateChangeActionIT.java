package com.flowstate.action.substate;

import static com.flowstate.support.SubstateChangeHistoryRows.awaitOutcome;
import static com.flowstate.support.SubstateChangeHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.flow.FlowService;
import com.flowstate.flow.SubstateChangeException;
import com.flowstate.history.ActionStatus;
import com.flowstate.i18n.Languages;
import com.flowstate.opportunity.OpenSubstate;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.security.UserService;
import com.flowstate.support.EmailHistoryRows;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.SubstateChangeHistoryRows;
import com.flowstate.support.TestData;

/**
 * The Open / close substate action in a real flow (src/test/resources/bpmn/substate-change-test-flow.bpmn): the
 * change really happens, with the target's own actions, and the Substates tab records it; a change that cannot be
 * made is "not completed" with the reason; users' changes by hand are logged too; the REST API filters and scopes.
 */
@IntegrationTest
class SubstateChangeActionIT {

    @Autowired TestData data;
    @Autowired FlowService flow;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired OpportunityService opportunities;
    @Autowired UserService users;
    @Autowired SubstateChangeHistoryQuery history;
    @Autowired EmailHistoryQuery emails;
    @Autowired TestRestTemplate rest;

    @Test
    void closingASubstateOpensTheTargetAndTheTargetsOnOpenActionRuns() {
        Opportunity opportunity = data.opportunity(null, null);
        String instance = data.startSubstateChangeTestFlow(opportunity, "OPEN", "Paperwork");

        closeWhenOpen(instance, "Intake");

        SubstateChangeHistoryRow row = awaitOutcome(history, opportunity.id(), "ChangeOnIntakeClose");
        assertThat(row.action().status()).isTrue();
        assertThat(row.action().state()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(row.changeType()).isEqualTo(SubstateChangeKind.OPEN);
        assertThat(row.targetSubstateKey()).isEqualTo("Paperwork");
        assertThat(row.targetSubstateName()).isEqualTo("Pratiche");
        assertThat(row.action().substateName()).isEqualTo("Accoglienza");
        assertThat(row.action().trigger()).isEqualTo("CLOSE");
        assertThat(row.manual()).isFalse();
        assertThat(row.action().lastError()).isNull();
        // The side effect: Paperwork ran its on-open e-mail and waits open, in the engine and in the substate log.
        EmailHistoryRows.awaitRow(emails, opportunity.id(), "documents-request",
                email -> email.action().state() == ActionStatus.SUCCEEDED);
        awaitWaiting(instance, "Paperwork");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openKeys(opportunity).contains("Paperwork"));
        assertThat(openKeys(opportunity)).contains("Approval").doesNotContain("Intake");
    }

    @Test
    void closingASubstateClosesTheTargetAndTheTargetsOnCloseActionRuns() {
        Opportunity opportunity = data.opportunity(null, null);
        String instance = data.startSubstateChangeTestFlow(opportunity, "CLOSE", "Paperwork");
        awaitWaiting(instance, "Intake");
        flow.openSubstate(instance, "Paperwork");
        awaitWaiting(instance, "Paperwork");

        flow.closeSubstate(instance, "Intake");

        SubstateChangeHistoryRow closedPaperwork = awaitOutcome(history, opportunity.id(), "ChangeOnIntakeClose");
        assertThat(closedPaperwork.action().status()).isTrue();
        assertThat(closedPaperwork.changeType()).isEqualTo(SubstateChangeKind.CLOSE);
        assertThat(closedPaperwork.targetSubstateName()).isEqualTo("Pratiche");
        // Paperwork's own on-close action ran: it closed Approval, the last open substate, so the flow ended.
        SubstateChangeHistoryRow closedApproval = awaitOutcome(history, opportunity.id(),
                "CloseApprovalOnPaperworkClose");
        assertThat(closedApproval.action().status()).isTrue();
        assertThat(closedApproval.changeType()).isEqualTo(SubstateChangeKind.CLOSE);
        assertThat(closedApproval.targetSubstateKey()).isEqualTo("Approval");
        assertThat(closedApproval.action().substateName()).isEqualTo("Pratiche");
        assertThat(closedApproval.action().trigger()).isEqualTo("CLOSE");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
        assertThat(openKeys(opportunity)).doesNotContain("Intake", "Paperwork", "Approval");
    }

    @Test
    void closingATargetThatIsNotOpenIsNotCompletedWithTheReasonAndTheFlowGoesOn() {
        Opportunity opportunity = data.opportunity(null, null);
        String instance = data.startSubstateChangeTestFlow(opportunity, "CLOSE", "Paperwork");

        closeWhenOpen(instance, "Intake");

        SubstateChangeHistoryRow row = awaitOutcome(history, opportunity.id(), "ChangeOnIntakeClose");
        assertThat(row.action().status()).isFalse();
        assertThat(row.action().state()).isEqualTo(ActionStatus.FAILED);
        assertThat(row.action().lastError()).isEqualTo("Substate Pratiche is not open");
        assertThat(row.reason().code()).isEqualTo("substate.notOpen");
        assertThat(row.reason().in(Languages.ITALIAN)).isEqualTo("Il sottostato Pratiche non è aperto");
        assertThat(row.action().attempts()).isEqualTo(1);
        assertThat(row.changeType()).isEqualTo(SubstateChangeKind.CLOSE);
        assertThat(row.targetSubstateName()).isEqualTo("Pratiche");
        ActivityInstance tree = runtime.getActivityInstance(instance);
        assertThat(tree.getActivityInstances("Intake_Open")).isEmpty();
        assertThat(tree.getActivityInstances("Paperwork_Open")).isEmpty();
        assertThat(tree.getActivityInstances("Approval_Open")).hasSize(1);
    }

    @Test
    void openingATargetThatIsAlreadyOpenIsNotCompletedWithTheReason() {
        Opportunity opportunity = data.opportunity(null, null);
        String instance = data.startSubstateChangeTestFlow(opportunity, "OPEN", "Approval");

        closeWhenOpen(instance, "Intake");

        SubstateChangeHistoryRow row = awaitOutcome(history, opportunity.id(), "ChangeOnIntakeClose");
        assertThat(row.action().status()).isFalse();
        assertThat(row.action().lastError()).isEqualTo("Substate Approvazione is already open");
        assertThat(row.reason().code()).isEqualTo("substate.alreadyOpen");
        assertThat(runtime.getActivityInstance(instance).getActivityInstances("Substate_Approval")).hasSize(1);
    }

    @Test
    void anUnknownTargetSubstateFailsAtOnceWithItsName() {
        Opportunity opportunity = data.opportunity(null, null);
        String instance = data.startSubstateChangeTestFlow(opportunity, "CLOSE", "Nowhere");

        closeWhenOpen(instance, "Intake");

        SubstateChangeHistoryRow row = awaitOutcome(history, opportunity.id(), "ChangeOnIntakeClose");
        assertThat(row.action().status()).isFalse();
        assertThat(row.action().attempts()).isEqualTo(1);
        assertThat(row.action().lastError()).isEqualTo("Unknown substate 'Nowhere'");
        assertThat(row.targetSubstateKey()).isEqualTo("Nowhere");
        assertThat(runtime.getActivityInstance(instance).getActivityInstances("Approval_Open")).hasSize(1);
    }

    @Test
    void aChangeWhoseTransactionFailsIsRetriedAndTheFailedAttemptIsCounted() {
        Opportunity opportunity = data.opportunity(null, null);
        // Closing Approval fails once in this instance: the follow-up job's first transaction rolls back.
        String instance = runtime.startProcessInstanceByKey("SubstateChangeTestFlow", Long.toString(opportunity.id()),
                Map.of("changeType", "CLOSE", "target", "Approval", "failAfterSend", true)).getId();

        closeWhenOpen(instance, "Intake");

        SubstateChangeHistoryRow row = awaitOutcome(history, opportunity.id(), "ChangeOnIntakeClose");
        assertThat(row.action().status()).isTrue();
        assertThat(row.action().attempts()).isEqualTo(2);
        assertThat(row.action().lastError()).isNull();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
    }

    @Test
    void aFlowWhoseActionNamesASubstateItDoesNotHaveIsRefusedAtDeploy() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="BrokenChange" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="S" />
                    <bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="Substate_Only" />
                    <bpmn:subProcess id="Substate_Only" name="Only">
                      <bpmn:startEvent id="Only_Opened" />
                      <bpmn:sequenceFlow id="F1" sourceRef="Only_Opened" targetRef="CloseNowhere" />
                      <bpmn:serviceTask id="CloseNowhere" camunda:asyncBefore="true"
                                        camunda:delegateExpression="${changeSubstateAction}">
                        <bpmn:extensionElements>
                          <camunda:inputOutput>
                            <camunda:inputParameter name="changeType">CLOSE</camunda:inputParameter>
                            <camunda:inputParameter name="targetSubstate">Nowhere</camunda:inputParameter>
                          </camunda:inputOutput>
                        </bpmn:extensionElements>
                      </bpmn:serviceTask>
                      <bpmn:sequenceFlow id="F2" sourceRef="CloseNowhere" targetRef="Only_Open" />
                      <bpmn:receiveTask id="Only_Open" messageRef="M" />
                    </bpmn:subProcess>
                  </bpmn:process>
                  <bpmn:message id="M" name="close:Only" />
                </bpmn:definitions>""";

        assertThatThrownBy(() -> repository.createDeployment().name("broken-change").addString("broken.bpmn", bpmn)
                .deploy())
                .hasMessageContaining("CloseNowhere")
                .hasMessageContaining("unknown target substate 'Nowhere'");
    }

    @Test
    void aUsersChangesByHandAreLoggedAsManualWithTheUserAndARefusalWithItsReason() {
        String user = data.internalUser();
        Opportunity opportunity = data.opportunity(null, null, user);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> openKeys(opportunity).contains("NewContact"));

        asUser(user, () -> opportunities.closeSubstate(PartnerScope.everything(), opportunity.id(), "NewContact"));
        assertThatThrownBy(() -> asUser(user,
                () -> opportunities.closeSubstate(PartnerScope.everything(), opportunity.id(), "NewContact")))
                .isInstanceOf(SubstateChangeException.class);
        asUser(user, () -> opportunities.openSubstate(PartnerScope.everything(), opportunity.id(), "NewContact"));

        List<SubstateChangeHistoryRow> manual = SubstateChangeHistoryRows.of(history, opportunity.id()).stream()
                .filter(SubstateChangeHistoryRow::manual).toList();
        assertThat(manual).extracting(SubstateChangeHistoryRow::changeType, row -> row.action().status(),
                        row -> row.action().lastError())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SubstateChangeKind.CLOSE, true, null),
                        org.assertj.core.groups.Tuple.tuple(SubstateChangeKind.CLOSE, false,
                                "Substate New contact is not open"),
                        org.assertj.core.groups.Tuple.tuple(SubstateChangeKind.OPEN, true, null));
        // The demo flow names its substates per language: the refusal reads in the reader's.
        assertThat(manual.get(1).reason().in(Languages.SPANISH)).isEqualTo("El subestado Nuevo contacto no está abierto");
        assertThat(manual.get(1).reason().in(Languages.ITALIAN)).isEqualTo("Il sottostato Nuovo contatto non è aperto");
        assertThat(manual).allSatisfy(row -> {
            assertThat(row.changedBy()).isEqualTo(user);
            assertThat(row.changedByName()).isEqualTo("Internal " + user);
            assertThat(row.action().trigger()).isEqualTo("MANUAL");
            assertThat(row.targetSubstateKey()).isEqualTo("NewContact");
            assertThat(row.targetSubstateName()).isEqualTo("Nuovo contatto");
            assertThat(row.activityId()).isNull();
        });
    }

    @Test
    void theRestApiFiltersTheSubstateLogAndAPartnerSeesOnlyTheirOwnOpportunities() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company other = data.partner(CompanyKind.INSTALLER);
        Company seller = data.partner(CompanyKind.SELLER);
        Opportunity mine = data.opportunity(installer, seller);
        Opportunity theirs = data.opportunity(other, seller);
        closeWhenOpen(data.startSubstateChangeTestFlow(mine, "CLOSE", "Paperwork"), "Intake");
        closeWhenOpen(data.startSubstateChangeTestFlow(mine, "OPEN", "Paperwork"), "Intake");
        closeWhenOpen(data.startSubstateChangeTestFlow(theirs, "CLOSE", "Paperwork"), "Intake");
        awaitRow(history, mine.id(),
                row -> row.changeType() == SubstateChangeKind.CLOSE && row.action().status() != null);
        awaitRow(history, mine.id(),
                row -> row.changeType() == SubstateChangeKind.OPEN && row.action().status() != null);
        awaitRow(history, theirs.id(), row -> row.action().status() != null);
        String internal = data.internalUser();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> openKeys(mine).contains("NewContact"));
        asUser(internal, () -> opportunities.closeSubstate(PartnerScope.everything(), mine.id(), "NewContact"));
        String partner = data.partnerUser(installer);

        List<Map<String, Object>> all = items(partner, "size=500");
        assertThat(all).hasSize(3);
        assertThat(all).extracting(item -> ((Number) item.get("opportunityId")).longValue()).containsOnly(mine.id());
        assertThat(all).allSatisfy(item -> assertThat(item).containsKeys("opportunityName", "changeType",
                "targetSubstateName", "status", "manual", "changedBy", "lastError"));

        List<Map<String, Object>> notCompleted = items(partner, "status=false");
        assertThat(notCompleted).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("changeType", "CLOSE").containsEntry("targetSubstateKey", "Paperwork")
                    .containsEntry("status", false).containsEntry("lastError", "Substate Pratiche is not open")
                    .containsEntry("reasonCode", "substate.notOpen")
                    .containsEntry("reasonParams", Map.of("substate", "Pratiche"));
        });
        assertThat(items(partner, "changeType=OPEN&substate=pratiche")).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("status", true)
                        .containsEntry("targetSubstateName", "Pratiche"));
        assertThat(items(partner, "manual=true")).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("changedBy", internal)
                        .containsEntry("targetSubstateName", "Nuovo contatto").containsEntry("trigger", "MANUAL"));
        assertThat(items(partner, "manual=false&changeType=CLOSE")).hasSize(1);
        assertThat(items(partner, "opportunity=" + mine.name().substring(3))).hasSize(3);
        assertThat(items(partner, "opportunityId=" + theirs.id())).isEmpty();
        assertThat(items(internal, "opportunityId=" + theirs.id() + "&status=false")).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("lastError", "Substate Pratiche is not open"));

        Map<String, Object> first = page(partner, "size=2&sort=changeType,asc");
        assertThat(first.get("nextCursor")).isNotNull();
        Map<String, Object> second = page(partner, "size=2&sort=changeType,asc&cursor=" + first.get("nextCursor"));
        assertThat(rows(first)).extracting(item -> item.get("changeType")).containsExactly("CLOSE", "CLOSE");
        assertThat(rows(second)).extracting(item -> item.get("changeType")).containsExactly("OPEN");
        assertThat(second.get("nextCursor")).isNull();
    }

    @Test
    void anInvalidChangeTypeFilterIsABadRequest() {
        String internal = data.internalUser();

        ResponseEntity<String> response = rest.withBasicAuth(internal, internal)
                .getForEntity("/api/history/substates?changeType=MOVE", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private List<Map<String, Object>> items(String user, String query) {
        return rows(page(user, query));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private Map<String, Object> page(String user, String query) {
        ResponseEntity<Map<String, Object>> response = rest.withBasicAuth(user, user).exchange(
                "/api/history/substates?" + query, HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void closeWhenOpen(String instance, String substate) {
        awaitWaiting(instance, substate);
        flow.closeSubstate(instance, substate);
    }

    /** The substate's wait state is active: its on-open actions are done and it can be closed. */
    private void awaitWaiting(String instance, String substate) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            ActivityInstance tree = runtime.getActivityInstance(instance);
            return tree != null && tree.getActivityInstances(substate + "_Open").length > 0;
        });
    }

    private List<String> openKeys(Opportunity opportunity) {
        return opportunities.openSubstates(PartnerScope.everything(), opportunity.id()).stream()
                .map(OpenSubstate::key).toList();
    }

    private void asUser(String username, Runnable work) {
        SystemAuthentication.runAs(users.loadUserByUsername(username), work);
    }
}
