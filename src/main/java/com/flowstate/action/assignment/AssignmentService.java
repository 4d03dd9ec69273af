package com.flowstate.action.assignment;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.Role;

/**
 * A partner company's answer to an offer. Only users of the company the opportunity was offered to may answer, and
 * only while it is pending; the check is here, so the Vaadin tab and the REST API cannot differ on it.
 *
 * <p>A rejection re-assigns at once, in the same transaction, by the same criteria minus every company that rejected
 * the opportunity in this role, and records it as a new row. The flow is not involved: it did not wait for the
 * answer (the action's job was over once the offer was made), the flow may have moved on to other substates since,
 * and a designer would otherwise have to model a reject-and-retry loop around every assignment.
 */
@Service
public class AssignmentService {

    private static final Logger log = LoggerFactory.getLogger(AssignmentService.class);

    private final AssignmentRepository assignments;
    private final PartnerChooser chooser;
    private final OpportunityService opportunities;

    AssignmentService(AssignmentRepository assignments, PartnerChooser chooser, OpportunityService opportunities) {
        this.assignments = assignments;
        this.chooser = chooser;
        this.opportunities = opportunities;
    }

    /**
     * The offers waiting for the user's company to accept or reject, newest first; none for a user who answers for
     * no company (platform users: offers go to partners).
     */
    @Transactional(readOnly = true)
    public List<PendingOffer> pendingOffers(FlowstateUser user, int limit) {
        PartnerScope scope = user.scope();
        if (!scope.isRestricted() || !user.hasRole(Role.PARTNER)) {
            return List.of();
        }
        return assignments.pendingOffers(scope.companyId().getAsLong(), Math.min(Math.max(limit, 1), 500));
    }

    /**
     * Accepts a pending offer: the company keeps the opportunity. Accepting it again changes nothing.
     *
     * @throws AssignmentNotFoundException  when the user's company may not see the assignment
     * @throws AccessDeniedException        when the user may see it but it was not offered to their company
     * @throws AssignmentConflictException  when it was rejected, or the opportunity is no longer the company's
     */
    @Transactional
    public Assignment accept(FlowstateUser user, long assignmentId) {
        Assignment assignment = offeredTo(user, assignmentId);
        if (assignment.status() == AssignmentStatus.ACCEPTED) {
            return assignment;
        }
        requirePending(assignment);
        if (!assignments.decide(assignmentId, AssignmentStatus.ACCEPTED, user.userId(), null)) {
            throw new AssignmentConflictException("Assignment " + assignmentId + " was decided meanwhile");
        }
        log.info("Assignment {} accepted by {} for {}", assignmentId, user.getUsername(), assignment.companyName());
        return assignments.find(assignmentId).orElseThrow();
    }

    /**
     * Rejects a pending offer: the company loses the opportunity and the next candidate gets it (a new row), or the
     * new row says why there is none. Rejecting it again changes nothing.
     *
     * @param reason optional, shown in the history
     * @return the rejected assignment; the next one is not returned, since it belongs to another company
     * @throws AssignmentNotFoundException  when the user's company may not see the assignment
     * @throws AccessDeniedException        when the user may see it but it was not offered to their company
     * @throws AssignmentConflictException  when it was accepted, or the opportunity is no longer the company's
     */
    @Transactional
    public Assignment reject(FlowstateUser user, long assignmentId, String reason) {
        Assignment assignment = offeredTo(user, assignmentId);
        if (assignment.status() == AssignmentStatus.REJECTED) {
            return assignment;
        }
        requirePending(assignment);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (!assignments.decide(assignmentId, AssignmentStatus.REJECTED, user.userId(), why)) {
            throw new AssignmentConflictException("Assignment " + assignmentId + " was decided meanwhile");
        }
        log.info("Assignment {} rejected by {} for {}", assignmentId, user.getUsername(), assignment.companyName());
        if (assignments.unassignOpportunity(assignment.opportunityId(), assignment.role(), assignment.companyId())) {
            reassign(assignment);
        }
        return assignments.find(assignmentId).orElseThrow();
    }

    /**
     * The offers of an opportunity still waiting for the user's company to decide; none for users of no partner
     * company (platform staff do not answer offers).
     */
    @Transactional(readOnly = true)
    public List<Assignment> pendingOffersOn(FlowstateUser user, long opportunityId) {
        PartnerScope scope = user.scope();
        if (!scope.isRestricted() || !user.hasRole(Role.PARTNER)) {
            return List.of();
        }
        return assignments.pendingOffersOn(opportunityId, scope.companyId().getAsLong());
    }

    private void reassign(Assignment rejected) {
        Opportunity opportunity = opportunities.find(PartnerScope.everything(), rejected.opportunityId())
                .orElseThrow();
        PartnerChooser.Decision decision = chooser.choose(opportunity, rejected.role());
        if (decision instanceof PartnerChooser.Chosen chosen
                && assignments.assignOpportunity(opportunity.id(), rejected.role(), chosen.companyId())) {
            long next = assignments.insertAfterRejection(rejected, chosen.companyId(), chosen.criterion(), null);
            log.info("Opportunity {} re-assigned as {} to {} (row {}) after rejection by {}", opportunity.id(),
                    rejected.role(), chosen.companyName(), next, rejected.companyName());
        } else if (decision instanceof PartnerChooser.NoCandidate none) {
            assignments.insertAfterRejection(rejected, null, null, none.reason());
            log.warn("Opportunity {} not re-assigned after rejection by {}: {}", opportunity.id(),
                    rejected.companyName(), none.reason().text());
        }
    }

    /** The assignment, if it was offered to the user's company; otherwise 404 or 403 as the user may see it. */
    private Assignment offeredTo(FlowstateUser user, long assignmentId) {
        Assignment assignment = assignments.find(assignmentId)
                .orElseThrow(() -> new AssignmentNotFoundException(assignmentId));
        PartnerScope scope = user.scope();
        if (scope.isRestricted() && user.hasRole(Role.PARTNER)
                && assignment.companyId() != null && assignment.companyId() == user.companyId()) {
            return assignment;
        }
        if (scope.isRestricted() && !assignments.visibleTo(assignmentId, scope.companyId().getAsLong())) {
            throw new AssignmentNotFoundException(assignmentId);
        }
        throw new AccessDeniedException("Assignment " + assignmentId + " was not offered to your company");
    }

    private void requirePending(Assignment assignment) {
        if (assignment.status() != AssignmentStatus.PENDING) {
            throw new AssignmentConflictException("Assignment " + assignment.id() + " is "
                    + (assignment.status() == null ? "not an offer" : assignment.status().name().toLowerCase())
                    + ", not pending");
        }
        boolean stillTheirs = assignments.companyInRole(assignment.opportunityId(), assignment.role())
                .map(company -> company.equals(assignment.companyId())).orElse(false);
        if (!stillTheirs) {
            throw new AssignmentConflictException("Opportunity " + assignment.opportunityId()
                    + " is no longer assigned to " + assignment.companyName());
        }
    }
}
