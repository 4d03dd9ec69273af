package com.flowstate.opportunity;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.flowstate.flow.FlowService;
import com.flowstate.flow.Substate;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.UserService;

import jakarta.validation.Valid;

/** Opportunities: open one (which starts its flow), list and read them within a partner scope, move substates. */
@Service
@Validated
public class OpportunityService {

    /** Opening opportunities and moving substates is the platform's work; partners read and act on their own. */
    private static final String PLATFORM_STAFF = "hasAnyRole('ADMIN', 'INTERNAL')";

    private final OpportunityRepository opportunities;
    private final FlowService flow;
    private final UserService users;

    OpportunityService(OpportunityRepository opportunities, FlowService flow, UserService users) {
        this.opportunities = opportunities;
        this.flow = flow;
        this.users = users;
    }

    /** Opens an opportunity and starts its flow in one transaction: the first substate's actions are scheduled. */
    @Transactional
    @PreAuthorize(PLATFORM_STAFF)
    public Opportunity create(@Valid NewOpportunity opportunity) {
        Long ownerId = opportunity.ownerUsername() == null || opportunity.ownerUsername().isBlank() ? null
                : users.findByUsername(opportunity.ownerUsername())
                        .orElseThrow(() -> new IllegalArgumentException("Unknown user " + opportunity.ownerUsername()))
                        .id();
        String name = opportunity.name() == null || opportunity.name().isBlank()
                ? "FV " + opportunity.customerName() + " – " + opportunity.province().toUpperCase()
                : opportunity.name();
        long id = opportunities.insert(opportunity, name, ownerId);
        opportunities.setProcessInstance(id, flow.start(id));
        return opportunities.find(id, PartnerScope.everything()).orElseThrow();
    }

    /** One opportunity, if the scope lets the user see it. */
    @Transactional(readOnly = true)
    public Optional<Opportunity> find(PartnerScope scope, long id) {
        return opportunities.find(id, scope);
    }

    /** A page of opportunities, newest first; pass the last id of the previous page to get the next. */
    @Transactional(readOnly = true)
    public List<Opportunity> list(PartnerScope scope, OpportunityFilter filter, Long afterId, int limit) {
        return opportunities.list(scope, filter, afterId, Math.min(Math.max(limit, 1), 500));
    }

    @Transactional(readOnly = true)
    public List<OpenSubstate> openSubstates(PartnerScope scope, long id) {
        require(scope, id);
        return opportunities.openSubstates(id);
    }

    /** The substates of the flow, for choosing which to open. */
    public List<Substate> substates() {
        return flow.substates();
    }

    /** Closes an open substate by hand; its on-close actions run. */
    @PreAuthorize(PLATFORM_STAFF)
    public void closeSubstate(PartnerScope scope, long id, String substateKey) {
        flow.closeSubstate(require(scope, id).processInstanceId(), substateKey);
    }

    /** Opens a substate by hand; its on-open actions run. */
    @PreAuthorize(PLATFORM_STAFF)
    public void openSubstate(PartnerScope scope, long id, String substateKey) {
        flow.openSubstate(require(scope, id).processInstanceId(), substateKey);
    }

    private Opportunity require(PartnerScope scope, long id) {
        return opportunities.find(id, scope).orElseThrow(() -> new OpportunityNotFoundException(id));
    }
}
