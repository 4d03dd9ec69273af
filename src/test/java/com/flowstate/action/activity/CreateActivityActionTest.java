package com.flowstate.action.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.Trigger;

/** The deploy-time checks of a Create activity task, as the platform asks them of the action. */
class CreateActivityActionTest {

    private final CreateActivityAction action = new CreateActivityAction(null, mock(ActivityActionService.class));

    @Test
    void aWellFormedTaskHasNoProblems() {
        assertThat(modelProblems(task(Map.of()))).isEmpty();
    }

    @Test
    void namesEachBadLiteralValue() {
        var problems = modelProblems(task(Map.of("activityType", "MEETING", "assigneeRole", "NEIGHBOUR",
                "dueInDays", "-1", "subject", "Chiamare {{#customer}}{{name}}")));

        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).startsWith("unknown activity type 'MEETING'");
        assertThat(problems.get(1)).startsWith("unknown assignee role 'NEIGHBOUR'");
        assertThat(problems.get(2)).startsWith("invalid dueInDays '-1'");
        assertThat(problems.get(3)).startsWith("the subject is not valid Mustache");
    }

    @Test
    void aMissingParameterIsNamed() {
        assertThat(modelProblems(task(Map.of("dueInDays", ""))))
                .containsExactly("input parameter 'dueInDays' is missing");
    }

    @Test
    void expressionsAreLeftToTheRunningAction() {
        assertThat(modelProblems(task(Map.of("activityType", "${type}", "assigneeRole", "${role}",
                "dueInDays", "${days}")))).isEmpty();
    }

    @Test
    void aDueDelayIsAWholeNumberOfDaysUpToTenYears() {
        assertThat(ActivityActionService.isValidDueInDays(" 0 ")).isTrue();
        assertThat(ActivityActionService.isValidDueInDays("3650")).isTrue();
        assertThat(ActivityActionService.isValidDueInDays("3651")).isFalse();
        assertThat(ActivityActionService.isValidDueInDays("1.5")).isFalse();
        assertThat(ActivityActionService.isValidDueInDays("99999999999")).isFalse();
        assertThat(ActivityActionService.isValidDueInDays(null)).isFalse();
    }

    /** Every problem the deployment would report for the task: required parameters, then the action's own. */
    private List<String> modelProblems(ActionDefinition task) {
        return action.allModelProblems(task, Set.of());
    }

    private static ActionDefinition task(Map<String, String> overrides) {
        Map<String, String> parameters = new HashMap<>(Map.of("activityType", "call", "subject",
                "Chiamare {{customer.name}}", "dueInDays", "2", "assigneeRole", "INSTALLER"));
        parameters.putAll(overrides);
        return new ActionDefinition("createActivityAction", "CreateCall", "Create call", "NewContact",
                "Nuovo contatto", Trigger.OPEN, parameters);
    }
}
