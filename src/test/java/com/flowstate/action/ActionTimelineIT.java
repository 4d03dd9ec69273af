package com.flowstate.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionScheduled;
import com.flowstate.flow.Trigger;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityNotFoundException;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** The opportunity's timeline reads every action's history table, newest first, within the partner scope. */
@IntegrationTest
class ActionTimelineIT {

    @Autowired TestData data;
    @Autowired ActionTimeline timeline;
    @Autowired Actions actions;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @Test
    void showsAnExecutionOfEveryActionNewestFirstWithItsHistoryRow() {
        var installer = data.partner(CompanyKind.INSTALLER);
        Opportunity opportunity = data.opportunity(installer, null);
        // Every action the application has gets one execution scheduled, through the platform's own writer, one
        // second apart, so the expected order is known.
        Instant start = Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Map<String, Instant> scheduledAt = new LinkedHashMap<>();
        int i = 0;
        for (String name : actions.names()) {
            Instant at = start.plusSeconds(i++);
            schedule(opportunity, name, at);
            scheduledAt.put(name, at);
        }

        List<ActionExecution> lines = timeline.of(PartnerScope.company(installer.id()), opportunity.id(), 200);

        assertThat(lines).extracting(ActionExecution::action).containsAll(actions.names());
        assertThat(lines).isSortedAccordingTo(Comparator.comparing(ActionExecution::createdAt).reversed());
        List<ActionExecution> synthetic = lines.stream().filter(line -> "Timeline".equals(line.activityId()))
                .toList();
        List<String> newestFirst = new ArrayList<>(scheduledAt.keySet());
        Collections.reverse(newestFirst);
        assertThat(synthetic).extracting(ActionExecution::action).containsExactlyElementsOf(newestFirst);
        ActionExecution email = synthetic.stream().filter(line -> line.action().equals("sendEmailAction"))
                .findFirst().orElseThrow();
        assertThat(email.tabKey()).isEqualTo("email");
        assertThat(email.summary()).contains("welcome");
        assertThat(email.rowId()).isPositive();
        // The flow's own first actions are there too, beside the synthetic ones.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> timeline.of(PartnerScope.everything(),
                opportunity.id(), 200).stream().anyMatch(line -> "SendWelcomeEmail".equals(line.activityId())));
    }

    @Test
    void cutsToTheLimitAcrossActions() {
        Opportunity opportunity = data.opportunity(null, null);
        // PostgreSQL keeps microseconds.
        Instant start = Instant.now().plusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        for (int i = 0; i < 3; i++) {
            for (String name : actions.names()) {
                schedule(opportunity, name, start.plusSeconds(i));
            }
        }

        List<ActionExecution> lines = timeline.of(PartnerScope.everything(), opportunity.id(), 5);

        assertThat(lines).hasSize(5);
        assertThat(lines).allSatisfy(line -> assertThat(line.createdAt()).isEqualTo(start.plusSeconds(2)));
    }

    @Test
    void anotherPartnersOpportunityIsNotFoundLikeAnUnknownOne() {
        var installer = data.partner(CompanyKind.INSTALLER);
        var other = data.partner(CompanyKind.INSTALLER);
        Opportunity opportunity = data.opportunity(installer, null);

        assertThatThrownBy(() -> timeline.of(PartnerScope.company(other.id()), opportunity.id(), 10))
                .isInstanceOf(OpportunityNotFoundException.class);
        assertThatThrownBy(() -> timeline.of(PartnerScope.everything(), Long.MAX_VALUE, 10))
                .isInstanceOf(OpportunityNotFoundException.class);
    }

    /** One scheduled execution of the action, written by ActionHistory as the engine's job creation would. */
    private void schedule(Opportunity opportunity, String actionName, Instant at) {
        Action<?> action = actions.find(actionName).orElseThrow();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : action.inputParameters()) {
            parameters.put(parameter, parameter.toLowerCase().contains("template") ? "welcome" : "x");
        }
        ActionDefinition definition = new ActionDefinition(actionName, "Timeline", "Timeline test", "NewContact",
                "Nuovo contatto", Trigger.OPEN, parameters);
        transactions.executeWithoutResult(status -> events.publishEvent(new ActionScheduled(
                "timeline-" + UUID.randomUUID(), opportunity.id(), opportunity.processInstanceId(), definition, at)));
    }
}
