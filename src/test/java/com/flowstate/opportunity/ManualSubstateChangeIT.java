package com.flowstate.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.security.PartnerScope;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;
import com.flowstate.support.TestFlowBeans.ManualChangeLogFault;

/** A substate change made by hand and its row in the Substates history are kept together or not at all. */
@IntegrationTest
class ManualSubstateChangeIT {

    @Autowired TestData data;
    @Autowired OpportunityService opportunities;
    @Autowired ManualChangeLogFault fault;
    @Autowired JdbcClient jdbc;

    @Test
    void aChangeWhoseRowCannotBeWrittenIsNotMadeAndTheRetryLogsItOnce() {
        Opportunity opportunity = data.opportunity(null, null);
        awaitOpen(opportunity, "NewContact");
        fault.failNextLogOf(opportunity.processInstanceId());

        assertThatThrownBy(() -> closeByHand(opportunity, "NewContact")).isInstanceOf(IllegalStateException.class);

        assertThat(isOpen(opportunity, "NewContact")).as("the change rolled back with its row").isTrue();
        assertThat(manualCloses(opportunity)).isZero();

        closeByHand(opportunity, "NewContact");

        assertThat(isOpen(opportunity, "NewContact")).isFalse();
        assertThat(manualCloses(opportunity)).isEqualTo(1);
    }

    private void closeByHand(Opportunity opportunity, String substate) {
        SystemAuthentication.runAs(data.admin(),
                () -> opportunities.closeSubstate(PartnerScope.everything(), opportunity.id(), substate));
    }

    private void awaitOpen(Opportunity opportunity, String substate) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> isOpen(opportunity, substate));
    }

    private boolean isOpen(Opportunity opportunity, String substate) {
        return opportunities.openSubstates(PartnerScope.everything(), opportunity.id()).stream()
                .anyMatch(open -> open.key().equals(substate));
    }

    private int manualCloses(Opportunity opportunity) {
        return jdbc.sql("""
                        select count(*) from substate_change_history
                        where opportunity_id = ? and manual and change_type = 'CLOSE' and status = 'SUCCEEDED'""")
                .param(opportunity.id()).query(Integer.class).single();
    }
}
