package com.flowstate.action.assignment;

import static com.flowstate.support.AssignmentHistoryRows.awaitTestFlowRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import com.flowstate.history.ActionStatus;
import com.flowstate.flow.FlowService;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.partner.PartnerZoneService;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.security.UserService;
import com.flowstate.support.AssignmentHistoryRows;
import com.flowstate.support.AssignmentZones;
import com.flowstate.support.AssignmentZones.Zone;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

@IntegrationTest
class AssignmentActionIT {

    @Autowired TestData data;
    @Autowired PartnerZoneService zones;
    @Autowired AssignmentHistoryQuery history;
    @Autowired AssignmentService assignments;
    @Autowired OpportunityService opportunities;
    @Autowired FlowService flow;
    @Autowired UserService users;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;

    @Test
    void assignsTheInstallerCoveringTheProvinceWhenTheSubstateOpensAndItsUsersThenSeeTheOpportunity() {
        Zone zone = AssignmentZones.next();
        Company installer = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        Opportunity opportunity = data.opportunityAt(zone.postalCode(1), zone.province());
        String processInstance = data.startAssignmentTestFlow(opportunity, "INSTALLER");
        assertThat(opportunities.find(PartnerScope.company(installer.id()), opportunity.id())).isEmpty();

        closeWhenOpen(processInstance, "TestQualified");

        AssignmentHistoryRow row = awaitTestFlowRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.SUCCEEDED);
        assertThat(row.action().status()).isTrue();
        assertThat(row.assignedCompany()).isEqualTo(installer.name());
        assertThat(row.assignmentStatus()).isEqualTo(AssignmentStatus.PENDING);
        assertThat(row.role()).isEqualTo("INSTALLER");
        assertThat(row.criterion().zoneType()).isEqualTo(ZoneType.PROVINCE);
        assertThat(row.criterion().zone()).isEqualTo(zone.province());
        assertThat(row.criterion().candidates()).isEqualTo(1);
        assertThat(row.criterion().summary()).isEqualTo("province " + zone.province() + "; only candidate (0 open)");
        assertThat(row.assignedAt()).isNotNull();
        assertThat(row.action().attempts()).isEqualTo(1);
        assertThat(row.action().substateName()).isEqualTo("Sopralluogo (test)");
        assertThat(row.action().trigger()).isEqualTo("OPEN");
        assertThat(row.action().lastError()).isNull();
        Opportunity seenByInstaller = opportunities.find(PartnerScope.company(installer.id()), opportunity.id())
                .orElseThrow();
        assertThat(seenByInstaller.installerId()).isEqualTo(installer.id());
        assertThat(seenByInstaller.installerName()).isEqualTo(installer.name());
    }

    @Test
    void assignsTheSellerInTheSellerRole() {
        Zone zone = AssignmentZones.next();
        Company installer = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        Opportunity opportunity = data.opportunityAt(zone.postalCode(1), zone.province());
        // The opportunity's own flow may assign a seller on opening: let it find nobody, then cover the zone.
        AssignmentHistoryRows.awaitAllFinished(history, opportunity.id());
        Company seller = data.partnerCovering(CompanyKind.SELLER, zone.province());

        assign(opportunity, "SELLER");

        AssignmentHistoryRow row = awaitTestFlowRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.SUCCEEDED);
        assertThat(row.assignedCompany()).isEqualTo(seller.name());
        assertThat(row.role()).isEqualTo("SELLER");
        Opportunity now = opportunities.find(PartnerScope.everything(), opportunity.id()).orElseThrow();
        assertThat(now.sellerId()).isEqualTo(seller.id());
        assertThat(now.installerId()).isNull();
        assertThat(opportunities.find(PartnerScope.company(installer.id()), opportunity.id())).isEmpty();
    }

    @Test
    void aPostalCodePrefixWinsOverTheProvinceAndTheLongestPrefixWins() {
        Zone zone = AssignmentZones.next();
        Company byProvince = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        Company byPrefix = data.partner(CompanyKind.INSTALLER);
        SystemAuthentication.runAs(data.admin(), () -> zones.addPostalCodePrefix(byPrefix.id(), zone.prefix()));
        Company byFullCode = data.partner(CompanyKind.INSTALLER);
        SystemAuthentication.runAs(data.admin(),
                () -> zones.addPostalCodePrefix(byFullCode.id(), zone.postalCode(1)));
        Opportunity atFullCode = data.opportunityAt(zone.postalCode(1), zone.province());
        Opportunity inPrefix = data.opportunityAt(zone.postalCode(2), zone.province());
        Opportunity outsidePrefixes = data.opportunityAt(zone.outsideThePrefix(1), zone.province());

        assign(atFullCode, "INSTALLER");
        assign(inPrefix, "INSTALLER");
        assign(outsidePrefixes, "INSTALLER");

        AssignmentHistoryRow full = awaitAssigned(atFullCode);
        assertThat(full.assignedCompany()).isEqualTo(byFullCode.name());
        assertThat(full.criterion().zoneType()).isEqualTo(ZoneType.POSTAL_CODE);
        assertThat(full.criterion().zone()).isEqualTo(zone.postalCode(1));
        AssignmentHistoryRow prefix = awaitAssigned(inPrefix);
        assertThat(prefix.assignedCompany()).isEqualTo(byPrefix.name());
        assertThat(prefix.criterion().summary()).isEqualTo("postal code " + zone.prefix() + "*; only candidate (0 open)");
        AssignmentHistoryRow province = awaitAssigned(outsidePrefixes);
        assertThat(province.assignedCompany()).isEqualTo(byProvince.name());
        assertThat(province.criterion().zoneType()).isEqualTo(ZoneType.PROVINCE);
    }

    @Test
    void theLeastLoadedInstallerGetsTheOpportunity() {
        Zone zone = AssignmentZones.next();
        Company busy = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        Company idle = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        data.opportunity(busy, null);
        data.opportunity(busy, null);
        Opportunity opportunity = data.opportunityAt(zone.postalCode(1), zone.province());

        assign(opportunity, "INSTALLER");

        AssignmentHistoryRow row = awaitAssigned(opportunity);
        assertThat(row.assignedCompany()).isEqualTo(idle.name());
        assertThat(row.criterion().openOpportunities()).isZero();
        assertThat(row.criterion().candidates()).isEqualTo(2);
        assertThat(row.criterion().roundRobin()).isFalse();
        assertThat(row.criterion().summary()).isEqualTo("province " + zone.province() + "; least loaded (0 open) of 2");
    }

    @Test
    void anOpportunityWhoseFlowEndedNoLongerCountsAsLoad() {
        Zone zone = AssignmentZones.next();
        Company first = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        Company second = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        data.opportunity(first, null);
        Opportunity ended = data.opportunity(second, null);
        // Its jobs may be running: a concurrent update makes the deletion try again.
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(OptimisticLockingException.class)
                .until(() -> {
                    runtime.deleteProcessInstance(ended.processInstanceId(), "the customer withdrew");
                    return true;
                });
        Opportunity opportunity = data.opportunityAt(zone.postalCode(1), zone.province());

        assign(opportunity, "INSTALLER");

        // Were the ended one still counted, 1 against 1 would be a tie, and the tie goes to the lower id: first.
        AssignmentHistoryRow row = awaitAssigned(opportunity);
        assertThat(row.assignedCompany()).isEqualTo(second.name());
        assertThat(row.criterion().openOpportunities()).isZero();
        assertThat(row.criterion().roundRobin()).isFalse();
    }

    @Test
    void aTieGoesRoundRobinToTheInstallerOfferedAnOpportunityLongestAgo() {
        Zone zone = AssignmentZones.next();
        Company first = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        Company second = data.partnerCovering(CompanyKind.INSTALLER, zone.province());

        Opportunity one = data.opportunityAt(zone.postalCode(1), zone.province());
        assign(one, "INSTALLER");
        AssignmentHistoryRow toFirst = awaitAssigned(one);
        Opportunity two = data.opportunityAt(zone.postalCode(2), zone.province());
        assign(two, "INSTALLER");
        AssignmentHistoryRow toSecond = awaitAssigned(two);
        Opportunity three = data.opportunityAt(zone.postalCode(3), zone.province());
        assign(three, "INSTALLER");
        AssignmentHistoryRow backToFirst = awaitAssigned(three);

        // Never offered anything, 0 open each: a tie, broken by the lower company id.
        assertThat(toFirst.assignedCompany()).isEqualTo(first.name());
        assertThat(toFirst.criterion().roundRobin()).isTrue();
        // 1 open against 0: least loaded, no tie.
        assertThat(toSecond.assignedCompany()).isEqualTo(second.name());
        assertThat(toSecond.criterion().roundRobin()).isFalse();
        // 1 open each: the one offered an opportunity longest ago.
        assertThat(backToFirst.assignedCompany()).isEqualTo(first.name());
        assertThat(backToFirst.criterion().roundRobin()).isTrue();
        assertThat(backToFirst.criterion().openOpportunities()).isEqualTo(1);
        assertThat(backToFirst.criterion().summary()).endsWith("least loaded (1 open) of 2; round-robin tie");
    }

    @Test
    void aRejectionReassignsToTheNextCandidateAsANewRowAndTheLastRejectionLeavesNoCandidate() {
        Zone zone = AssignmentZones.next();
        Company first = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        Company second = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        data.opportunity(second, null); // second is busier: first gets the opportunity
        Opportunity opportunity = data.opportunityAt(zone.postalCode(1), zone.province());
        assign(opportunity, "INSTALLER");
        AssignmentHistoryRow offered = awaitAssigned(opportunity);
        assertThat(offered.assignedCompany()).isEqualTo(first.name());
        FlowstateUser firstUser = users.loadUserByUsername(data.partnerUser(first));
        FlowstateUser secondUser = users.loadUserByUsername(data.partnerUser(second));

        Assignment rejected = assignments.reject(firstUser, offered.action().id(), "  Too far from our warehouse ");

        assertThat(rejected.status()).isEqualTo(AssignmentStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("Too far from our warehouse");
        var rows = AssignmentHistoryRows.ofTestFlow(history, opportunity.id());
        assertThat(rows).hasSize(2);
        AssignmentHistoryRow rejectedRow = rows.get(0);
        assertThat(rejectedRow.assignmentStatus()).isEqualTo(AssignmentStatus.REJECTED);
        assertThat(rejectedRow.decidedBy()).isEqualTo(firstUser.getUsername());
        assertThat(rejectedRow.rejectionReason()).isEqualTo("Too far from our warehouse");
        assertThat(rejectedRow.action().status()).as("the execution itself did assign a company").isTrue();
        AssignmentHistoryRow next = rows.get(1);
        assertThat(next.assignedCompany()).isEqualTo(second.name());
        assertThat(next.assignmentStatus()).isEqualTo(AssignmentStatus.PENDING);
        assertThat(next.replacesId()).isEqualTo(offered.action().id());
        assertThat(next.replacedCompany()).isEqualTo(first.name());
        assertThat(next.criterion().candidates()).as("the company that rejected is no candidate").isEqualTo(1);
        assertThat(next.action().substateName()).isEqualTo(offered.action().substateName());
        assertThat(next.action().status()).isTrue();
        assertThat(opportunities.find(PartnerScope.company(first.id()), opportunity.id())).isEmpty();
        assertThat(opportunities.find(PartnerScope.company(second.id()), opportunity.id())).isPresent();

        assignments.reject(secondUser, next.action().id(), null);

        rows = AssignmentHistoryRows.ofTestFlow(history, opportunity.id());
        assertThat(rows).hasSize(3);
        AssignmentHistoryRow none = rows.get(2);
        assertThat(none.action().state()).isEqualTo(ActionStatus.FAILED);
        assertThat(none.action().status()).isFalse();
        assertThat(none.assignedCompany()).isNull();
        assertThat(none.assignmentStatus()).isNull();
        assertThat(none.replacesId()).isEqualTo(next.action().id());
        assertThat(none.action().lastError()).isEqualTo("No candidate: every installer covering postal code "
                + zone.postalCode(1) + " or province " + zone.province() + " has rejected the opportunity");
        assertThat(opportunities.find(PartnerScope.everything(), opportunity.id()).orElseThrow().installerId())
                .isNull();
    }

    @Test
    void onlyTheAssignedCompanyMayAnswerAndOnlyOnce() {
        Zone zone = AssignmentZones.next();
        Company installer = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        Company stranger = data.partner(CompanyKind.INSTALLER);
        Opportunity opportunity = data.opportunityAt(zone.postalCode(1), zone.province());
        assign(opportunity, "INSTALLER");
        long id = awaitAssigned(opportunity).action().id();
        FlowstateUser user = users.loadUserByUsername(data.partnerUser(installer));

        assertThatThrownBy(() -> assignments.accept(users.loadUserByUsername(data.partnerUser(stranger)), id))
                .isInstanceOf(AssignmentNotFoundException.class);
        assertThatThrownBy(() -> assignments.accept(users.loadUserByUsername(data.internalUser()), id))
                .isInstanceOf(AccessDeniedException.class);

        Assignment accepted = assignments.accept(user, id);

        assertThat(accepted.status()).isEqualTo(AssignmentStatus.ACCEPTED);
        assertThat(accepted.decidedAt()).isNotNull();
        assertThat(assignments.accept(user, id).status()).as("accepting again changes nothing")
                .isEqualTo(AssignmentStatus.ACCEPTED);
        assertThatThrownBy(() -> assignments.reject(user, id, "changed our mind"))
                .isInstanceOf(AssignmentConflictException.class).hasMessageContaining("accepted");
        assertThat(AssignmentHistoryRows.ofTestFlow(history, opportunity.id())).hasSize(1);
        assertThat(opportunities.find(PartnerScope.company(installer.id()), opportunity.id())).isPresent();
    }

    @Test
    void noCandidateIsNotCompletedWithTheReasonAndTheFlowGoesOn() {
        Zone zone = AssignmentZones.next();
        Opportunity opportunity = data.opportunityAt(zone.postalCode(1), zone.province());

        assign(opportunity, "INSTALLER");

        AssignmentHistoryRow row = awaitTestFlowRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.FAILED);
        assertThat(row.action().status()).isFalse();
        assertThat(row.action().attempts()).isEqualTo(1);
        assertThat(row.action().lastError()).isEqualTo("No candidate: no installer covers postal code " + zone.postalCode(1)
                + " or province " + zone.province());
        assertThat(row.assignedCompany()).isNull();
        assertThat(row.assignmentStatus()).isNull();
        awaitOpen(opportunity, "TestSurvey");
    }

    @Test
    void anUnknownRoleFromAnExpressionFailsAtOnceWithTheRole() {
        Opportunity opportunity = data.opportunity(null, null);

        assign(opportunity, "PLUMBER");

        AssignmentHistoryRow row = awaitTestFlowRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.FAILED);
        assertThat(row.action().attempts()).isEqualTo(1);
        assertThat(row.role()).isEqualTo("PLUMBER");
        assertThat(row.action().lastError()).isEqualTo("Unknown role 'PLUMBER' (expected one of [INSTALLER, SELLER])");
    }

    @Test
    void anOpportunityThatAlreadyHasAnInstallerKeepsIt() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Opportunity opportunity = data.opportunity(installer, null);

        assign(opportunity, "INSTALLER");

        AssignmentHistoryRow row = awaitTestFlowRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.SUCCEEDED);
        assertThat(row.assignedCompany()).isEqualTo(installer.name());
        assertThat(row.criterion().zoneType()).isEqualTo(ZoneType.EXISTING);
        assertThat(row.assignmentStatus()).as("no offer to answer").isNull();
        assertThat(opportunities.find(PartnerScope.everything(), opportunity.id()).orElseThrow().installerId())
                .isEqualTo(installer.id());
    }

    @Test
    void aDeploymentWithAnUnknownRoleIsRefusedWithTheElementId() {
        String bpmn = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="BrokenAssignmentFlow" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="AssignPlumber" />
                    <bpmn:serviceTask id="AssignPlumber" camunda:asyncBefore="true"
                                      camunda:delegateExpression="${assignPartnerAction}">
                      <bpmn:extensionElements>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="role">PLUMBER</camunda:inputParameter>
                        </camunda:inputOutput>
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="F2" sourceRef="AssignPlumber" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>""";

        assertThatThrownBy(() -> repository.createDeployment().name("assignment-validation")
                .addString("broken-assignment.bpmn", bpmn).deploy())
                .hasMessageContaining("AssignPlumber")
                .hasMessageContaining("unknown role 'PLUMBER' (expected one of [INSTALLER, SELLER])");
    }



    /** Runs the test flow's assignment through a real substate change: closing TestQualified opens TestSurvey. */
    private String assign(Opportunity opportunity, String role) {
        String processInstance = data.startAssignmentTestFlow(opportunity, role);
        closeWhenOpen(processInstance, "TestQualified");
        return processInstance;
    }

    private AssignmentHistoryRow awaitAssigned(Opportunity opportunity) {
        return awaitTestFlowRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.SUCCEEDED);
    }

    private void closeWhenOpen(String processInstance, String substate) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> flow.closeSubstate(processInstance, substate));
    }

    private void awaitOpen(Opportunity opportunity, String substate) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> opportunities
                .openSubstates(PartnerScope.everything(), opportunity.id()).stream()
                .anyMatch(open -> open.key().equals(substate)));
    }
}
