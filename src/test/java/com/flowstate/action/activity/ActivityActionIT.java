package com.flowstate.action.activity;

import static com.flowstate.support.ActivityHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.action.HistoryRow;
import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.Trigger;
import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.UserService;
import com.flowstate.support.ActivityHistoryRows;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** The Create activity action run by the engine when a substate opens: the activity, its history row, failures. */
@IntegrationTest
class ActivityActionIT {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Autowired TestData data;
    @Autowired ActivityHistoryQuery history;
    @Autowired ActivityService activities;
    @Autowired ActivityActionService activityActions;
    @Autowired OpportunityService opportunities;
    @Autowired UserService users;
    @Autowired RepositoryService repository;
    @Autowired JdbcClient jdbc;

    @Test
    void createsTheActivityForTheInstallerWhenTheSubstateOpens() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Opportunity opportunity = data.opportunity(installer, data.partner(CompanyKind.SELLER));
        String tag = data.unique("Sopralluogo");

        data.startActivityTestFlow(opportunity, "TECHNICAL_SURVEY", tag + " da {{customer.name}} a {{opportunity.city}}",
                3, "INSTALLER", false);

        ActivityHistoryRow row = awaitRow(history, opportunity.id(), tag, r -> r.state() == ActionStatus.SUCCEEDED);
        assertThat(row.action().status()).isTrue();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isNull();
        assertThat(row.activityType()).isEqualTo("TECHNICAL_SURVEY");
        assertThat(row.substateKey()).isEqualTo("TestCall");
        assertThat(row.substateName()).isEqualTo("Chiamata di prova");
        assertThat(row.trigger()).isEqualTo("OPEN");
        assertThat(row.completed()).isFalse();
        assertThat(row.assigneeName()).isEqualTo(installer.name());

        Activity activity = onlyActivityOf(partnerUserOf(installer), row.activityRef());
        assertThat(activity.type()).isEqualTo(ActivityType.TECHNICAL_SURVEY);
        assertThat(activity.subject()).isEqualTo(tag + " da " + opportunity.customerName() + " a Milano");
        assertThat(activity.assigneeRole()).isEqualTo(AssigneeRole.INSTALLER);
        assertThat(activity.assigneeName()).isEqualTo(installer.name());
        assertThat(activity.dueDate()).isEqualTo(activity.createdAt().atZone(ROME).toLocalDate().plusDays(3));
        assertThat(row.dueDate()).isEqualTo(activity.dueDate());
        assertThat(activity.completed()).isFalse();
    }

    @Test
    void anInternalUserActivityGoesToTheOpportunitysOwnerOnly() {
        String owner = data.internalUser();
        String colleague = data.internalUser();
        Opportunity opportunity = data.opportunity(null, null, owner);
        String tag = data.unique("Richiamare");

        data.startActivityTestFlow(opportunity, "call", tag, "0", "INTERNAL_USER", false);

        ActivityHistoryRow row = awaitRow(history, opportunity.id(), tag, r -> r.state() == ActionStatus.SUCCEEDED);
        Activity activity = onlyActivityOf(users.loadUserByUsername(owner), row.activityRef());
        assertThat(activity.type()).isEqualTo(ActivityType.CALL);
        assertThat(activity.assigneeName()).isEqualTo("Internal " + owner);
        assertThat(activity.dueDate()).isEqualTo(activity.createdAt().atZone(ROME).toLocalDate());
        assertThat(activities.myActivities(users.loadUserByUsername(colleague), true, null, 200).items())
                .extracting(Activity::id).doesNotContain(activity.id());
    }

    @Test
    void aMissingInstallerFailsWithItsReasonAndTheFlowGoesOn() {
        Opportunity opportunity = data.opportunity(null, data.partner(CompanyKind.SELLER));
        String tag = data.unique("Visita");

        data.startActivityTestFlow(opportunity, "VISIT", tag, 2, "INSTALLER", false);

        ActivityHistoryRow row = awaitRow(history, opportunity.id(), tag, r -> r.state() == ActionStatus.FAILED);
        assertThat(row.action().status()).isFalse();
        assertThat(row.lastError()).isEqualTo("No installer is assigned to the opportunity");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.activityRef()).isNull();
        assertThat(row.completed()).isNull();
        assertThat(row.activityType()).isEqualTo("VISIT");
        assertThat(row.subject()).isEqualTo(tag);
        assertThat(activityCountOf(opportunity, tag)).isZero();
        // The failure did not block the flow: the substate is open, waiting to be closed.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> opportunities
                .openSubstates(PartnerScope.everything(), opportunity.id()).stream()
                .anyMatch(substate -> substate.key().equals("TestCall")));
    }

    @Test
    void anUnknownActivityTypeFailsAtOnceNamingIt() {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), null);
        String tag = data.unique("Riunione");

        data.startActivityTestFlow(opportunity, "MEETING", tag, 1, "INSTALLER", false);

        ActivityHistoryRow row = awaitRow(history, opportunity.id(), tag, r -> r.state() == ActionStatus.FAILED);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.activityType()).isEqualTo("MEETING");
        assertThat(row.lastError()).isEqualTo("Unknown activity type 'MEETING' (expected one of [CALL, VISIT, "
                + "TECHNICAL_SURVEY, DOCUMENT_REQUEST, FOLLOW_UP])");
    }

    @Test
    void aDueDelayThatIsNotAWholeNumberOfDaysFailsAtOnce() {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), null);
        String tag = data.unique("Documenti");

        data.startActivityTestFlow(opportunity, "DOCUMENT_REQUEST", tag, "tomorrow", "INSTALLER", false);

        ActivityHistoryRow row = awaitRow(history, opportunity.id(), tag, r -> r.state() == ActionStatus.FAILED);
        assertThat(row.lastError()).isEqualTo("Invalid dueInDays 'tomorrow': expected a whole number of days from 0 "
                + "to 3650");
        assertThat(activityCountOf(opportunity, tag)).isZero();
    }

    @Test
    void aJobRetriedAfterAFailedCommitCreatesOneActivity() {
        Company seller = data.partner(CompanyKind.SELLER);
        Opportunity opportunity = data.opportunity(null, seller);
        String tag = data.unique("Ricontatto");

        data.startActivityTestFlow(opportunity, "FOLLOW_UP", tag, 5, "SELLER", true);

        ActivityHistoryRow row = awaitRow(history, opportunity.id(), tag, r -> r.state() == ActionStatus.SUCCEEDED);
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(activityCountOf(opportunity, tag)).isEqualTo(1);
        assertThat(ActivityHistoryRows.of(history, opportunity.id()).stream()
                .filter(r -> r.subject() != null && r.subject().startsWith(tag))).hasSize(1);
        assertThat(onlyActivityOf(partnerUserOf(seller), row.activityRef()).assigneeRole())
                .isEqualTo(AssigneeRole.SELLER);
    }

    @Test
    void runningAnExecutionAgainAfterItCreatedItsActivityDoesNotCreateASecond() {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), null);
        var action = new ActionDefinition("createActivityAction", "CreateTestActivity", "Create test activity",
                "TestCall", "Chiamata di prova", Trigger.OPEN, Map.of());
        String executionKey = data.unique("execution");
        var parameters = new ActivityParameters("CALL", "Chiamare {{customer.name}}", "1", "INSTALLER");

        activityActions.create(new ActionAttempt(executionKey, opportunity.id(), null, action, 1, false), parameters,
                new HistoryRow());
        activityActions.create(new ActionAttempt(executionKey, opportunity.id(), null, action, 2, false), parameters,
                new HistoryRow());

        assertThat(jdbc.sql("select count(*) from activity where execution_key = ?").param(executionKey)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void completingTheActivityShowsItCompletedOnTheActivitiesTabAtOnce() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Opportunity opportunity = data.opportunity(installer, null);
        String tag = data.unique("Chiamata");
        data.startActivityTestFlow(opportunity, "CALL", tag, 1, "INSTALLER", false);
        ActivityHistoryRow before = awaitRow(history, opportunity.id(), tag,
                r -> r.state() == ActionStatus.SUCCEEDED);
        assertThat(before.completed()).isFalse();
        FlowstateUser partner = partnerUserOf(installer);

        Activity completed = activities.complete(partner, before.activityRef());

        assertThat(completed.completed()).isTrue();
        assertThat(completed.completedBy()).isEqualTo(partner.displayName());
        ActivityHistoryRow after = ActivityHistoryRows.of(history, opportunity.id()).stream()
                .filter(r -> r.id() == before.id()).findFirst().orElseThrow();
        assertThat(after.completed()).isTrue();
        assertThat(after.completedAt()).isEqualTo(completed.completedAt());
        assertThat(activities.myActivities(partner, false, null, 200).items()).extracting(Activity::id)
                .doesNotContain(completed.id());
        assertThat(activities.myActivities(partner, true, null, 200).items()).extracting(Activity::id)
                .contains(completed.id());
    }

    @Test
    void aLiteralUnknownActivityTypeIsRefusedAtDeployNamingTheElement() {
        String bpmn = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="BadActivityFlow" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="CreateMeeting" />
                    <bpmn:serviceTask id="CreateMeeting" camunda:asyncBefore="true"
                                      camunda:delegateExpression="${createActivityAction}">
                      <bpmn:extensionElements>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="activityType">MEETING</camunda:inputParameter>
                          <camunda:inputParameter name="subject">Riunione</camunda:inputParameter>
                          <camunda:inputParameter name="dueInDays">1</camunda:inputParameter>
                          <camunda:inputParameter name="assigneeRole">INSTALLER</camunda:inputParameter>
                        </camunda:inputOutput>
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="F2" sourceRef="CreateMeeting" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>""";

        assertThatThrownBy(() -> repository.createDeployment().name("bad-activity")
                .addString("bad-activity.bpmn", bpmn).deploy())
                .hasMessageContaining("CreateMeeting")
                .hasMessageContaining("unknown activity type 'MEETING'");
    }

    private Activity onlyActivityOf(FlowstateUser user, Long activityId) {
        assertThat(activityId).isNotNull();
        List<Activity> mine = activities.myActivities(user, true, null, 200).items();
        return mine.stream().filter(activity -> activity.id() == activityId).findFirst()
                .orElseThrow(() -> new AssertionError("Activity " + activityId + " is not among " + user.getUsername()
                        + "'s activities " + mine));
    }

    private FlowstateUser partnerUserOf(Company company) {
        return users.loadUserByUsername(data.partnerUser(company));
    }

    /** Activities of this test only: the opportunity's own flow may create others. */
    private long activityCountOf(Opportunity opportunity, String subjectPrefix) {
        return jdbc.sql("select count(*) from activity where opportunity_id = ? and starts_with(subject, ?)")
                .params(opportunity.id(), subjectPrefix).query(Long.class).single();
    }
}
