package com.flowstate.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Component;

import com.flowstate.flow.SubstateChangeException;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.SystemAuthentication;

/**
 * Moves the demo opportunities along the flow the way users would: it closes the open substate of each opportunity
 * a few times (a different number per opportunity), waiting for the engine to open the next one in between.
 */
@Component
@Profile("demo")
@EnableAsync
class DemoFlowDriver {

    private static final Logger log = LoggerFactory.getLogger(DemoFlowDriver.class);
    private static final List<String> PATH = List.of("NewContact", "SiteSurvey", "DocumentsPending",
            "DocumentsValidation", "Offer", "Contract");
    private static final Duration WAIT_FOR_OPEN = Duration.ofMinutes(2);

    private final OpportunityService opportunities;

    DemoFlowDriver(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Async
    public void push(FlowstateUser user, List<Opportunity> created) {
        SystemAuthentication.runAs(user, () -> {
            for (int step = 0; step < PATH.size(); step++) {
                for (Opportunity opportunity : created) {
                    int depth = (int) (opportunity.id() % (PATH.size() + 1));
                    if (step < depth) {
                        closeWhenOpen(opportunity, PATH.get(step));
                    }
                }
            }
            log.info("Demo: opportunities pushed through the flow");
        });
    }

    private void closeWhenOpen(Opportunity opportunity, String substate) {
        Instant deadline = Instant.now().plus(WAIT_FOR_OPEN);
        while (Instant.now().isBefore(deadline)) {
            boolean open = opportunities.openSubstates(PartnerScope.everything(), opportunity.id()).stream()
                    .anyMatch(s -> s.key().equals(substate));
            if (open) {
                try {
                    opportunities.closeSubstate(PartnerScope.everything(), opportunity.id(), substate);
                    return;
                } catch (SubstateChangeException e) {
                    log.debug("Demo: {} not closable yet: {}", substate, e.getMessage());
                }
            }
            sleep();
        }
        log.warn("Demo: substate {} of opportunity {} did not open in time", substate, opportunity.id());
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
