package com.flowstate.action.assignment;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.ActionFailure;
import com.flowstate.action.HistoryRow;
import com.flowstate.flow.ActionAttempt;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;

/**
 * Assigns the installer or seller of one action execution and puts the outcome on its Assignment tab row.
 *
 * <p>The chosen company is written to the opportunity's installer / seller, which is what every partner-scoped
 * query reads, so its users see the opportunity from then on; the row is a pending offer they accept or reject. An
 * opportunity that already has a company in the role keeps it. No candidate, an unknown role or a missing
 * opportunity are permanent {@link ActionFailure}s: the action runner records them at once with the reason, and the
 * flow goes on. Everything is written in the job's transaction, so a failed attempt leaves nothing behind; a
 * database error is not caught, and the engine retries the job while the platform records the attempts.
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

    /**
     * Runs one attempt, putting the role, the company and how it was chosen on the history row.
     *
     * @throws ActionFailure a permanent one when the execution cannot assign anybody
     */
    @Transactional
    public void assign(ActionAttempt attempt, AssignmentParameters parameters, HistoryRow row) {
        String key = attempt.executionKey();
        var earlier = assignments.recordedOutcome(key);
        if (earlier.isPresent()) {
            log.info("Assignment {} already recorded its outcome; not assigning again", key);
            earlier.get().throwIfFailed();
            return;
        }
        row.put("role", roleColumn(parameters.role()));
        PartnerRole role = PartnerRole.parse(parameters.role())
                .orElseThrow(() -> ActionFailure.permanent("parameter.unknownPartnerRole",
                        "value", parameters.role(), "expected", List.of(PartnerRole.values())));
        Opportunity opportunity = opportunities.find(PartnerScope.everything(), attempt.opportunityId())
                .orElseThrow(() -> ActionFailure.permanent("opportunity.gone", "id", attempt.opportunityId()));
        var current = assignments.companyInRole(opportunity.id(), role);
        if (current.isPresent()) {
            kept(row, current.get());
            return;
        }
        PartnerChooser.Decision decision = chooser.choose(opportunity, role);
        if (decision instanceof PartnerChooser.NoCandidate none) {
            throw ActionFailure.permanent(none.reason());
        }
        var chosen = (PartnerChooser.Chosen) decision;
        if (!assignments.assignOpportunity(opportunity.id(), role, chosen.companyId())) {
            // Filled by someone else between the read and the write: theirs stands.
            kept(row, assignments.companyInRole(opportunity.id(), role).orElseThrow());
            return;
        }
        AssignmentCriterion criterion = chosen.criterion();
        row.put("assigned_company_id", chosen.companyId())
                .put("assignment_status", AssignmentStatus.PENDING.name())
                .put("zone_type", criterion.zoneType().name())
                .put("zone", criterion.zone())
                .put("open_opportunities", criterion.openOpportunities())
                .put("candidates", criterion.candidates())
                .put("round_robin", criterion.roundRobin())
                .put("strategy", criterion.strategyUsed().name())
                .put("assigned_at", Instant.now());
        log.info("Opportunity {} assigned as {} to {} ({})", opportunity.id(), role, chosen.companyName(),
                criterion.summary());
    }

    /** The role column's value: the role's name, or what the designer wrote when it is not a known role. */
    static String roleColumn(String role) {
        return PartnerRole.parse(role).map(Enum::name).orElse(role);
    }

    /** The opportunity already had a company in the role: the row names it, and is no offer to decide on. */
    private static void kept(HistoryRow row, long companyId) {
        row.put("assigned_company_id", companyId)
                .put("assignment_status", null)
                .put("zone_type", ZoneType.EXISTING.name());
    }
}
