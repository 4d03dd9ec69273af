package com.flowstate.action.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The API's status and role as the Assignment tab's query reads them, and the action's deploy-time check. */
class AssignmentHistoryFilterTest {

    @Test
    void aStatusIsADecisionOrAnOutcomeInAnyCase() {
        assertThat(status(" rejected ").decision()).isEqualTo(AssignmentStatus.REJECTED);
        assertThat(status(" rejected ").statusOutcome()).isNull();
        assertThat(status("TRUE").statusOutcome()).isTrue();
        assertThat(status("false").statusOutcome()).isFalse();
        assertThat(status("false").decision()).isNull();
        assertThat(status(" ").decision()).isNull();
        assertThat(status(null).statusOutcome()).isNull();
    }

    @Test
    void anUnknownStatusOrRoleIsABadRequest() {
        assertThatThrownBy(() -> status("MAYBE").decision()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown status 'MAYBE' (expected PENDING, ACCEPTED, REJECTED, true or false)");
        assertThatThrownBy(() -> role("plumber").partnerRole()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown role 'plumber'");
        assertThat(role(" seller").partnerRole()).isEqualTo(PartnerRole.SELLER);
        assertThat(role("").partnerRole()).isNull();
    }

    @Test
    void aLiteralRoleIsCheckedAtDeploymentAndKnownBeforeTheFirstAttempt() {
        AssignPartnerAction action = new AssignPartnerAction(null, mock(AssignmentActionService.class));

        assertThat(action.modelProblems(new AssignmentParameters("PLUMBER"), Set.of()))
                .containsExactly("unknown role 'PLUMBER' (expected one of [INSTALLER, SELLER])");
        assertThat(action.modelProblems(new AssignmentParameters("${role}"), Set.of())).isEmpty();
        assertThat(action.scheduledColumns(new AssignmentParameters(" installer")))
                .isEqualTo(Map.of("role", "INSTALLER"));
        assertThat(action.scheduledColumns(new AssignmentParameters("${role}"))).isEmpty();
        assertThat(action.inputParameters()).containsExactlyElementsOf(List.of("role"));
    }

    private static AssignmentHistoryFilter status(String status) {
        return new AssignmentHistoryFilter(null, null, null, status, null, null, null, null);
    }

    private static AssignmentHistoryFilter role(String role) {
        return new AssignmentHistoryFilter(null, null, null, null, role, null, null, null);
    }
}
