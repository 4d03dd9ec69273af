package com.flowstate.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.flow.TimerNotPendingException;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * The opportunity page's data: pending scheduled actions cancelled (they never fire) or moved, the timeline that
 * records it, the diagram, and the partner scope over REST. The test flow's follow-up reminder fires 3 s after
 * "Nuovo contatto" opens ({@code flowstate.flow.follow-up-delay} in application-test.yaml).
 */
@IntegrationTest
class OpportunityWorkspaceIT {

    private static final String REMINDER = "SendFollowUpReminder";

    @Autowired TestData data;
    @Autowired OpportunityWorkspace workspace;
    @Autowired OpportunityService opportunities;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate rest;

    @Test
    void aCancelledScheduledActionNeverFiresAndTheTimelineSaysWhoCancelledIt() {
        Opportunity cancelled = data.opportunity(null, null);
        Opportunity control = data.opportunity(null, null);
        ScheduledAction reminder = single(workspace.scheduledActions(PartnerScope.everything(), cancelled.id()));
        assertThat(reminder.actions()).containsExactly("Promemoria di ricontatto");
        assertThat(reminder.substateName()).isEqualTo("Nuovo contatto");

        asAdmin(() -> workspace.cancel(PartnerScope.everything(), cancelled.id(), reminder.id()));

        assertThat(workspace.scheduledActions(PartnerScope.everything(), cancelled.id())).isEmpty();
        // The control opportunity's reminder fires: the cancelled one would have, by now.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reminders(control) > 0);
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(reminders(cancelled)).isZero();
        assertThat(workspace.timeline(PartnerScope.everything(), cancelled.id(), 200))
                .filteredOn(entry -> entry.kind() == TimelineEntry.Kind.SCHEDULED_ACTION_CANCELLED)
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.by()).isEqualTo("test-admin");
                    assertThat(entry.summary()).isEqualTo("Promemoria di ricontatto");
                });
        // Cancelled once: a second cancel finds nothing pending.
        assertThatThrownBy(() -> asAdmin(() -> workspace.cancel(PartnerScope.everything(), cancelled.id(),
                reminder.id()))).isInstanceOf(TimerNotPendingException.class);
    }

    @Test
    void aRescheduledActionFiresAtItsNewTimeOnly() {
        Opportunity opportunity = data.opportunity(null, null);
        ScheduledAction reminder = single(workspace.scheduledActions(PartnerScope.everything(), opportunity.id()));
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        asAdmin(() -> workspace.reschedule(PartnerScope.everything(), opportunity.id(), reminder.id(), later));

        assertThat(single(workspace.scheduledActions(PartnerScope.everything(), opportunity.id())).dueAt())
                .isEqualTo(later);
        Awaitility.await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat(reminders(opportunity)).as("not at its old time").isZero();
        assertThatThrownBy(() -> asAdmin(() -> workspace.reschedule(PartnerScope.everything(), opportunity.id(),
                reminder.id(), Instant.now().minusSeconds(5)))).isInstanceOf(IllegalArgumentException.class);

        asAdmin(() -> workspace.reschedule(PartnerScope.everything(), opportunity.id(), reminder.id(),
                Instant.now().plusSeconds(1)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reminders(opportunity) > 0);
        assertThat(workspace.timeline(PartnerScope.everything(), opportunity.id(), 200))
                .filteredOn(entry -> entry.kind() == TimelineEntry.Kind.SCHEDULED_ACTION_MOVED).hasSize(2);
    }

    @Test
    void theTimelineShowsSubstateChangesAndActionsNewestFirstWithLinksToTheirRows() {
        Opportunity opportunity = data.opportunity(null, null);
        awaitOpen(opportunity, "NewContact");
        asAdmin(() -> opportunities.closeSubstate(PartnerScope.everything(), opportunity.id(), "NewContact"));
        awaitOpen(opportunity, "SiteSurvey");

        List<TimelineEntry> timeline = workspace.timeline(PartnerScope.everything(), opportunity.id(), 200);

        assertThat(timeline).isSortedAccordingTo((a, b) -> b.at().compareTo(a.at()));
        assertThat(timeline).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.SUBSTATE_OPENED,
                TimelineEntry.Kind.SUBSTATE_CLOSED, TimelineEntry.Kind.ACTION);
        TimelineEntry manualClose = timeline.stream().filter(entry -> "MANUAL".equals(entry.trigger()))
                .findFirst().orElseThrow();
        assertThat(manualClose.action()).isEqualTo("changeSubstateAction");
        // The tab key is the Substates tab's id without "tab-".
        assertThat(manualClose.historyLink()).matches("/account/history\\?tab=substates?&opportunityId="
                + opportunity.id() + "&row=\\d+");
        TimelineEntry welcome = timeline.stream().filter(entry -> "E-mail di benvenuto al cliente"
                .equals(entry.title())).findFirst().orElseThrow();
        assertThat(welcome.historyLink()).startsWith("/account/history?tab=email&opportunityId=" + opportunity.id());
    }

    @Test
    void theDiagramIsTheDeployedFlowWithTheOpenSubstateHighlighted() {
        Opportunity opportunity = data.opportunity(null, null);
        awaitOpen(opportunity, "NewContact");

        DiagramPicture picture = workspace.diagram(PartnerScope.everything(), opportunity.id());

        assertThat(picture.xml()).contains("id=\"SolarSalesFlow\"").contains("bpmndi:BPMNDiagram");
        assertThat(picture.highlighted()).containsExactly("Substate_NewContact");
        assertThat(picture.marks()).containsEntry(REMINDER, "scheduled");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(workspace.diagram(
                PartnerScope.everything(), opportunity.id()).marks().get("SendWelcomeEmail")));
    }

    @Test
    void anotherPartnerGetsNotFoundOnEveryPartAndItsOwnPartnerMayReadButNotCancel() {
        var installer = data.partner(CompanyKind.INSTALLER);
        var other = data.partner(CompanyKind.INSTALLER);
        String own = data.partnerUser(installer);
        String stranger = data.partnerUser(other);
        Opportunity opportunity = data.opportunity(installer, null);
        ScheduledAction reminder = single(workspace.scheduledActions(PartnerScope.everything(), opportunity.id()));
        // Out of the way of the 3 s test timer: the calls below (bcrypt sign-ins) take longer than that.
        asAdmin(() -> workspace.reschedule(PartnerScope.everything(), opportunity.id(), reminder.id(),
                Instant.now().plus(1, ChronoUnit.HOURS)));
        String base = "/api/opportunities/" + opportunity.id();
        TestRestTemplate strangers = rest.withBasicAuth(stranger, stranger);
        TestRestTemplate owners = rest.withBasicAuth(own, own);

        for (String part : List.of("/timeline", "/diagram", "/diagram.bpmn", "/scheduled-actions")) {
            assertThat(strangers.getForEntity(base + part, String.class).getStatusCode()).as(part)
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(owners.getForEntity(base + part, String.class).getStatusCode()).as(part)
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(strangers.exchange(base + "/scheduled-actions/" + reminder.id(), HttpMethod.DELETE, null,
                Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(strangers.exchange(base + "/scheduled-actions/" + reminder.id(), HttpMethod.PATCH,
                new HttpEntity<>(Map.of("dueAt", Instant.now().plusSeconds(3600).toString())), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(owners.exchange(base + "/scheduled-actions/" + reminder.id(), HttpMethod.DELETE, null,
                Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(workspace.scheduledActions(PartnerScope.everything(), opportunity.id())).hasSize(1);
        assertThat(owners.getForEntity("/api/opportunities/" + Long.MAX_VALUE + "/timeline", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anInternalUserCancelsOverRestAndAnUnknownScheduledActionIsNotFound() {
        String internal = data.internalUser();
        Opportunity opportunity = data.opportunity(null, null);
        ScheduledAction reminder = single(workspace.scheduledActions(PartnerScope.everything(), opportunity.id()));
        asAdmin(() -> workspace.reschedule(PartnerScope.everything(), opportunity.id(), reminder.id(),
                Instant.now().plus(1, ChronoUnit.HOURS)));
        String base = "/api/opportunities/" + opportunity.id() + "/scheduled-actions";
        TestRestTemplate api = rest.withBasicAuth(internal, internal);
        String id = (String) ((Map<?, ?>) api.getForEntity(base, List.class).getBody().get(0)).get("id");

        var moved = api.exchange(base + "/" + id, HttpMethod.PATCH,
                new HttpEntity<>(Map.of("dueAt", "2000-01-01T00:00:00Z")), Map.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var cancelled = api.exchange(base + "/" + id, HttpMethod.DELETE, null, Map.class);
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cancelled.getBody()).containsEntry("id", id);
        var again = api.exchange(base + "/" + id, HttpMethod.DELETE, null, Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(again.getBody().get("detail")).asString().contains("No pending scheduled action");
    }

    private static ScheduledAction single(List<ScheduledAction> actions) {
        assertThat(actions).hasSize(1);
        return actions.get(0);
    }

    private int reminders(Opportunity opportunity) {
        return jdbc.sql("select count(*) from email_history where opportunity_id = ? and activity_id = ?")
                .params(opportunity.id(), REMINDER).query(Integer.class).single();
    }

    private void awaitOpen(Opportunity opportunity, String substate) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> opportunities
                .openSubstates(PartnerScope.everything(), opportunity.id()).stream()
                .anyMatch(open -> open.key().equals(substate)));
    }

    private void asAdmin(Runnable action) {
        SystemAuthentication.runAs(data.admin(), action);
    }
}
