package com.flowstate.opportunity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.flowstate.flow.FlowMigrated;
import com.flowstate.flow.FlowService;
import com.flowstate.flow.Substate;
import com.flowstate.flow.SubstateChangeException;
import com.flowstate.flow.SubstateChangeType;
import com.flowstate.partner.CompanyKind;
import com.flowstate.partner.Provinces;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.Role;
import com.flowstate.security.UserService;

import jakarta.validation.Valid;

/** Opportunities: open one (which starts its flow), list and read them within a partner scope, move substates. */
@Service
@Validated
public class OpportunityService {

    /** Opening opportunities and moving substates is the platform's work; partners read and act on their own. */
    private static final String PLATFORM_STAFF = "hasAnyRole('ADMIN', 'INTERNAL')";

    private final OpportunityRepository opportunities;
    private final OpportunityTypeService types;
    private final FlowService flow;
    private final UserService users;
    private final Provinces provinces;
    private final ApplicationEventPublisher events;

    OpportunityService(OpportunityRepository opportunities, OpportunityTypeService types, FlowService flow,
                       UserService users, Provinces provinces, ApplicationEventPublisher events) {
        this.opportunities = opportunities;
        this.types = types;
        this.flow = flow;
        this.users = users;
        this.provinces = provinces;
        this.events = events;
    }

    /**
     * Opens an opportunity and starts its flow in one transaction: the first substate's actions are scheduled. The
     * flow is the one asked for, else the one its type starts, else the default flow.
     *
     * @throws IllegalArgumentException naming an unknown type, flow, owner or province, a postal code that is not
     *                                  the province's, an installer or seller that is not a company of that kind
     */
    @Transactional
    @PreAuthorize(PLATFORM_STAFF)
    public Opportunity create(@Valid NewOpportunity opportunity) {
        String typeKey = opportunity.type() == null || opportunity.type().isBlank() ? null
                : types.require(opportunity.type()).key();
        String flowKey = types.flowOf(typeKey, opportunity.flowKey());
        provinces.requireAddress(opportunity.province(), opportunity.postalCode());
        requirePartner("installerId", opportunity.installerId(), CompanyKind.INSTALLER);
        requirePartner("sellerId", opportunity.sellerId(), CompanyKind.SELLER);
        Long ownerId = opportunity.ownerUsername() == null || opportunity.ownerUsername().isBlank() ? null
                : requireOwner(opportunity.ownerUsername());
        String name = opportunity.name() == null || opportunity.name().isBlank()
                ? "FV " + opportunity.customerName() + " – " + opportunity.province().toUpperCase()
                : opportunity.name();
        long id = opportunities.insert(opportunity, name, ownerId, typeKey);
        opportunities.setFlow(id, flow.start(flowKey, id));
        return opportunities.find(id, PartnerScope.everything()).orElseThrow();
    }

    /** An admin moved the opportunity to another version of its flow: it shows the version it runs now. */
    @EventListener
    void on(FlowMigrated migrated) {
        if (migrated.opportunityId() != null) {
            opportunities.setFlowVersion(migrated.opportunityId(), migrated.flowKey(), migrated.toVersion());
        }
    }

    /** One opportunity, if the scope lets the user see it. */
    @Transactional(readOnly = true)
    public Optional<Opportunity> find(PartnerScope scope, long id) {
        return opportunities.find(id, scope);
    }

    /**
     * One opportunity the scope lets the user see.
     *
     * @throws OpportunityNotFoundException when it does not exist or the scope hides it: one answer for both
     */
    @Transactional(readOnly = true)
    public Opportunity get(PartnerScope scope, long id) {
        return require(scope, id);
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

    /**
     * The opportunity's substate log, latest change first: each time a substate was open, from when until when
     * (open and close, by hand or by the flow).
     */
    @Transactional(readOnly = true)
    public List<SubstateSpell> substateLog(PartnerScope scope, long id, int limit) {
        require(scope, id);
        return opportunities.substateLog(id, Math.min(Math.max(limit, 1), 1000));
    }

    /** The substates of the flow the opportunity runs, for choosing which to open. */
    @Transactional(readOnly = true)
    public List<Substate> substates(PartnerScope scope, long id) {
        Opportunity opportunity = require(scope, id);
        return opportunity.processInstanceId() == null ? List.of() : flow.substatesOf(opportunity.processInstanceId());
    }

    /** Closes an open substate by hand; its on-close actions run. Made or refused, the change is logged. */
    @PreAuthorize(PLATFORM_STAFF)
    public void closeSubstate(PartnerScope scope, long id, String substateKey) {
        Opportunity opportunity = require(scope, id);
        changeByHand(opportunity, SubstateChangeType.CLOSE, substateKey,
                logged -> flow.closeSubstate(opportunity.processInstanceId(), substateKey, logged));
    }

    /** Opens a substate by hand; its on-open actions run. Made or refused, the change is logged. */
    @PreAuthorize(PLATFORM_STAFF)
    public void openSubstate(PartnerScope scope, long id, String substateKey) {
        Opportunity opportunity = require(scope, id);
        changeByHand(opportunity, SubstateChangeType.OPEN, substateKey,
                logged -> flow.openSubstate(opportunity.processInstanceId(), substateKey, logged));
    }

    /**
     * Publishes every change a user made or was refused, so the Substates history tab is the opportunity's whole
     * substate log, not only the automatic part. A change made is published inside the engine's transaction, so the
     * change and its row commit together (a crash cannot keep one without the other); a refusal after it. An unknown
     * substate is a bad request, not a change: not logged.
     *
     * @param change makes the change, running the runnable it is given in the change's own transaction
     */
    private void changeByHand(Opportunity opportunity, SubstateChangeType type, String substateKey,
                              Consumer<Runnable> change) {
        String username = CurrentUser.require().getUsername();
        try {
            change.accept(() -> events.publishEvent(new ManualSubstateChange(opportunity.id(),
                    opportunity.processInstanceId(), type, substateKey, username, null, Instant.now())));
        } catch (SubstateChangeException refused) {
            if (refused.reason() != SubstateChangeException.Reason.UNKNOWN_SUBSTATE) {
                events.publishEvent(new ManualSubstateChange(opportunity.id(), opportunity.processInstanceId(), type,
                        substateKey, username, refused.because(), Instant.now()));
            }
            throw refused;
        }
    }

    /** An installer must be an installer company, a seller a seller: either gains the opportunity's scope. */
    private void requirePartner(String field, Long companyId, CompanyKind kind) {
        if (companyId != null && opportunities.companyKind(companyId).filter(kind::equals).isEmpty()) {
            throw new IllegalArgumentException(field + ": no " + kind.name().toLowerCase(Locale.ROOT)
                    + " company has id " + companyId);
        }
    }

    /** The owner is one of the platform's users (internal or admin), never a partner's. */
    private long requireOwner(String username) {
        FlowstateUser owner;
        try {
            owner = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            throw new IllegalArgumentException("ownerUsername: unknown user '" + username + "'");
        }
        if (!owner.hasRole(Role.INTERNAL) && !owner.hasRole(Role.ADMIN)) {
            throw new IllegalArgumentException("ownerUsername: '" + username + "' is not an internal user");
        }
        return owner.userId();
    }

    private Opportunity require(PartnerScope scope, long id) {
        return opportunities.find(id, scope).orElseThrow(() -> new OpportunityNotFoundException(id));
    }
}
