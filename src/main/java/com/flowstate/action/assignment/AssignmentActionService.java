package com.flowstate.action.assignment;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.ActionFailure;
import com.flowstate.flow.ActionAttempt;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;

/**
 * Assigns the installer or seller of one action execution and records the outcome on its Assignment tab row.
 *
 * <p>The chosen company is written to the opportunity's installer / seller, which is what every partner-scoped
 * query reads, so its users see the opportunity from then on; the row is a pending offer they accept or reject. An
 * opportunity that already has a company in the role keeps it. No candidate, an unknown role or a missing
 * opportunity are permanent failures: recorded at once with the reason, and the flow goes on. Everything is written
 * in the job's transaction, so a failed attempt leaves nothing behind; a database error is not caught, and the engine
 * retries the job while the generic projection records the attempts.
 */
@Service
public class AssignmentActionService {

    private static final Logger log = LoggerFactory.getLogger(AssignmentActionService.class);

    private final OpportunityService opportunities;
    private final PartnerChooser chooser;
    private final AssignmentRepository assignments;

    AssignmentActionService(OpportunityService opportunities, PartnerChooser chooser,
                            AssignmentRepository assignments) {
        this.opportunities = opportunities;
        this.chooser = chooser;
        this.assignments = assignments;
    }

    /** Runs one attempt; returns normally when the execution is over, whether it assigned a company or failed. */
    @Transactional
    public void assign(ActionAttempt attempt, AssignmentRequest request) {
        String key = attempt.executionKey();
        if (assignments.isFinished(key)) {
            log.info("Assignment {} already recorded its outcome; not assigning again", key);
            return;
        }
        try {
            PartnerRole role = PartnerRole.parse(request.role())
                    .orElseThrow(() -> ActionFailure.permanent("Unknown role '" + request.role()
                            + "' (expected one of " + List.of(PartnerRole.values()) + ")"));
            Opportunity opportunity = opportunities.find(PartnerScope.everything(), attempt.opportunityId())
                    .orElseThrow(() -> ActionFailure.permanent("Opportunity " + attempt.opportunityId()
                            + " no longer exists"));
            var current = assignments.companyInRole(opportunity.id(), role);
            if (current.isPresent()) {
                assignments.recordKept(key, attempt.attemptNumber(), role, current.get());
                return;
            }
            PartnerChooser.Decision decision = chooser.choose(opportunity, role);
            if (decision instanceof PartnerChooser.NoCandidate none) {
                throw ActionFailure.permanent(none.reason());
            }
            var chosen = (PartnerChooser.Chosen) decision;
            if (!assignments.assignOpportunity(opportunity.id(), role, chosen.companyId())) {
                // Filled by someone else between the read and the write: theirs stands.
                assignments.recordKept(key, attempt.attemptNumber(), role,
                        assignments.companyInRole(opportunity.id(), role).orElseThrow());
                return;
            }
            assignments.recordAssigned(key, attempt.attemptNumber(), role, chosen.companyId(), chosen.criterion());
            log.info("Opportunity {} assigned as {} to {} ({})", opportunity.id(), role, chosen.companyName(),
                    chosen.criterion().summary());
        } catch (ActionFailure failure) {
            log.warn("Assignment {} failed at attempt {}: {}", key, attempt.attemptNumber(), failure.getMessage());
            assignments.recordFailed(key, attempt.attemptNumber(),
                    PartnerRole.parse(request.role()).map(Enum::name).orElse(request.role()), failure.getMessage());
        }
    }
}
