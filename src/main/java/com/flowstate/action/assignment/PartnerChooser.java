package com.flowstate.action.assignment;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.flowstate.action.assignment.AssignmentCandidate.Outcome;
import com.flowstate.action.assignment.AssignmentRuleRepository.Settings;
import com.flowstate.i18n.Reason;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.PartnerZoneService;
import com.flowstate.partner.ZoneMatch;

/**
 * The assignment criteria: which partner company gets an opportunity in a role.
 *
 * <ol>
 *   <li><b>Zone.</b> Companies of the role's kind whose zone covers the opportunity. A company that rejected the
 *   opportunity in this role is no candidate again, nor is one at its capacity (as many open opportunities in the
 *   role as the role's rule allows it). Among the rest the most specific zone wins: the longest postal-code prefix,
 *   else the province; so without them the next most specific zone may win.</li>
 *   <li><b>Strategy</b> of the role's rule ({@link AssignmentStrategy}), among the companies of that zone:
 *   least loaded (the fewest open opportunities in the role: assigned to it and with a substate open, i.e. whose
 *   flow has not ended), round-robin (turns), or the admin's fixed priority order.</li>
 *   <li><b>Round-robin</b> breaks any tie: the one whose latest offer is the oldest (never offered first), then the
 *   lowest company id, so the choice is deterministic.</li>
 * </ol>
 *
 * <p>It reads committed data only, writes nothing and takes no lock, which lets the simulator ask it what it would
 * choose: two assignments running at the same moment on two nodes may both pick the same least-loaded company. The
 * balance is then off by one, which the next choices correct (and a capacity by one at most).
 */
@Component
class PartnerChooser {

    private final PartnerZoneService zones;
    private final AssignmentRuleRepository rules;
    private final JdbcClient jdbc;

    PartnerChooser(PartnerZoneService zones, AssignmentRuleRepository rules, JdbcClient jdbc) {
        this.zones = zones;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    /** The outcome of a choice: a company, or why there is none; with every candidate as it was weighed. */
    sealed interface Decision permits Chosen, NoCandidate {

        AssignmentStrategy strategy();

        List<AssignmentCandidate> candidates();
    }

    record Chosen(long companyId, String companyName, AssignmentCriterion criterion, AssignmentStrategy strategy,
                  List<AssignmentCandidate> candidates) implements Decision {
    }

    record NoCandidate(Reason reason, AssignmentStrategy strategy, List<AssignmentCandidate> candidates)
            implements Decision {
    }

    Decision choose(Opportunity opportunity, PartnerRole role) {
        return choose(role, opportunity.postalCode(), opportunity.province(), rejectedBy(opportunity.id(), role));
    }

    /**
     * The choice for an address, leaving out companies that rejected it; the same for a real assignment and the
     * simulator (which passes no rejection).
     */
    Decision choose(PartnerRole role, String postalCode, String province, Set<Long> rejected) {
        Settings settings = rules.settings(role);
        List<ZoneMatch> matches = zones.covering(role.companyKind(), postalCode, province);
        Map<Long, ZoneMatch> best = new LinkedHashMap<>();
        for (ZoneMatch match : matches) {
            if (!rejected.contains(match.companyId())) {
                best.merge(match.companyId(), match,
                        (a, b) -> a.specificity() >= b.specificity() ? a : b);
            }
        }
        if (best.isEmpty()) {
            return new NoCandidate(noCandidateReason(role, postalCode, province, matches.isEmpty() ? "Covers"
                    : "Rejected"), settings.strategy(), List.of());
        }
        List<Load> loads = loads(role, List.copyOf(best.keySet()));
        List<Load> available = loads.stream().filter(load -> !atCapacity(load, settings)).toList();
        if (available.isEmpty()) {
            return new NoCandidate(noCandidateReason(role, postalCode, province, "WithCapacity"), settings.strategy(),
                    candidates(loads, best, settings, Set.of(), null));
        }
        int top = available.stream().mapToInt(load -> best.get(load.companyId()).specificity()).max().orElseThrow();
        List<Load> tier = available.stream().filter(load -> best.get(load.companyId()).specificity() == top)
                .sorted(order(settings)).toList();
        Load chosen = tier.get(0);
        Comparator<Load> order = order(settings);
        long tied = tier.stream().filter(load -> ranksEqual(settings, load, chosen)).count();
        ZoneMatch zone = best.get(chosen.companyId());
        var criterion = new AssignmentCriterion(
                zone.zone().isPostalCode() ? ZoneType.POSTAL_CODE : ZoneType.PROVINCE,
                zone.zone().isPostalCode() ? zone.zone().postalCodePrefix() : zone.zone().province(),
                chosen.openOpportunities(), tier.size(), tied > 1, settings.strategy());
        Set<Long> inTier = new HashSet<>(tier.stream().map(Load::companyId).toList());
        List<AssignmentCandidate> weighed = candidates(loads.stream().sorted(order).toList(), best, settings, inTier,
                chosen.companyId());
        return new Chosen(chosen.companyId(), zone.companyName(), criterion, settings.strategy(), weighed);
    }

    private static boolean atCapacity(Load load, Settings settings) {
        Integer capacity = settings.of(load.companyId()).capacity();
        return capacity != null && load.openOpportunities() >= capacity;
    }

    /** The strategy's order; round-robin (oldest latest offer first) and then the company id break ties. */
    private static Comparator<Load> order(Settings settings) {
        Comparator<Load> turns = Comparator.comparing(Load::lastOfferAt,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(Load::companyId);
        Comparator<Load> leastLoaded = Comparator.comparingInt(Load::openOpportunities);
        return switch (settings.strategy()) {
            case LEAST_LOADED -> leastLoaded.thenComparing(turns);
            case ROUND_ROBIN -> turns;
            case FIXED_PRIORITY -> Comparator.comparing((Load load) -> settings.of(load.companyId()).priority(),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(leastLoaded).thenComparing(turns);
        };
    }

    /** Whether the strategy alone cannot tell the two apart, so turns decided. */
    private static boolean ranksEqual(Settings settings, Load a, Load b) {
        return switch (settings.strategy()) {
            case LEAST_LOADED -> a.openOpportunities() == b.openOpportunities();
            case ROUND_ROBIN -> true;
            case FIXED_PRIORITY -> java.util.Objects.equals(settings.of(a.companyId()).priority(),
                    settings.of(b.companyId()).priority()) && a.openOpportunities() == b.openOpportunities();
        };
    }

    private static List<AssignmentCandidate> candidates(List<Load> loads, Map<Long, ZoneMatch> best,
                                                        Settings settings, Set<Long> tier, Long chosen) {
        List<AssignmentCandidate> candidates = new ArrayList<>();
        for (Load load : loads) {
            ZoneMatch match = best.get(load.companyId());
            Outcome outcome = atCapacity(load, settings) ? Outcome.AT_CAPACITY
                    : Long.valueOf(load.companyId()).equals(chosen) ? Outcome.CHOSEN
                    : tier.contains(load.companyId()) ? Outcome.RANKED_LOWER : Outcome.LESS_SPECIFIC_ZONE;
            var setting = settings.of(load.companyId());
            candidates.add(new AssignmentCandidate(load.companyId(), match.companyName(),
                    match.zone().isPostalCode() ? ZoneType.POSTAL_CODE : ZoneType.PROVINCE,
                    match.zone().isPostalCode() ? match.zone().postalCodePrefix() : match.zone().province(),
                    load.openOpportunities(), setting.capacity(), setting.priority(),
                    load.lastOfferAt() == null ? null : load.lastOfferAt().toInstant(), outcome));
        }
        // The chosen first, then the others in the strategy's order, those skipped last.
        candidates.sort(Comparator.comparingInt(candidate -> candidate.outcome().ordinal()));
        return candidates;
    }

    private static Reason noCandidateReason(PartnerRole role, String postalCode, String province, String why) {
        Object[] where = {"postalCode", postalCode, "province", province};
        boolean installer = role == PartnerRole.INSTALLER;
        return switch (why) {
            case "Covers" -> installer ? Reason.of("assignment.noInstallerCovers", where)
                    : Reason.of("assignment.noSellerCovers", where);
            case "Rejected" -> installer ? Reason.of("assignment.everyInstallerRejected", where)
                    : Reason.of("assignment.everySellerRejected", where);
            default -> installer ? Reason.of("assignment.noInstallerWithCapacity", where)
                    : Reason.of("assignment.noSellerWithCapacity", where);
        };
    }

    private Set<Long> rejectedBy(long opportunityId, PartnerRole role) {
        return new HashSet<>(jdbc.sql("""
                        select assigned_company_id from assignment_history
                        where opportunity_id = ? and role = ? and assignment_status = 'REJECTED'""")
                .params(opportunityId, role.name()).query(Long.class).list());
    }

    /**
     * Load and latest offer of each candidate, in no order. Counting walks the company's opportunities in the role
     * (opportunity_installer_idx / opportunity_seller_idx) and probes the partial index of open substates; the latest
     * offer is the first entry of assignment_history_company_idx.
     */
    private List<Load> loads(PartnerRole role, List<Long> companyIds) {
        String column = role.opportunityColumn();
        return jdbc.sql("""
                        select c.id company_id,
                               (select count(*) from opportunity o
                                where o.%s = c.id
                                  and exists (select 1 from opportunity_substate s
                                              where s.opportunity_id = o.id and s.closed_at is null)) open_opportunities,
                               (select h.created_at from assignment_history h
                                where h.assigned_company_id = c.id and h.assignment_status is not null
                                order by h.created_at desc, h.id desc limit 1) last_offer_at
                        from company c
                        where c.id in (:ids)""".formatted(column))
                .param("ids", companyIds)
                .query((rs, n) -> new Load(rs.getLong("company_id"), rs.getInt("open_opportunities"),
                        rs.getTimestamp("last_offer_at")))
                .list();
    }

    private record Load(long companyId, int openOpportunities, Timestamp lastOfferAt) {
    }
}
