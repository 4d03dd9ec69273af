package com.flowstate.action.assignment;

import java.sql.Timestamp;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.flowstate.i18n.Reason;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.PartnerZoneService;
import com.flowstate.partner.ZoneMatch;

/**
 * The assignment criteria: which partner company gets an opportunity in a role.
 *
 * <ol>
 *   <li><b>Zone.</b> Companies of the role's kind whose zone covers the opportunity, the most specific zone winning:
 *   the longest postal-code prefix, else the province. A company that rejected the opportunity in this role is no
 *   candidate again; without it the next most specific zone may win.</li>
 *   <li><b>Least loaded.</b> Among those, the one with the fewest open opportunities in the role (assigned to it and
 *   with a substate open, i.e. whose flow has not ended).</li>
 *   <li><b>Round-robin.</b> On a tie, the one whose latest offer is the oldest (never offered first), then the lowest
 *   company id, so the choice is deterministic.</li>
 * </ol>
 *
 * <p>It reads committed data only and takes no lock: two assignments running at the same moment on two nodes may
 * both pick the same least-loaded company. The balance is then off by one, which the next choices correct.
 */
@Component
class PartnerChooser {

    private final PartnerZoneService zones;
    private final JdbcClient jdbc;

    PartnerChooser(PartnerZoneService zones, JdbcClient jdbc) {
        this.zones = zones;
        this.jdbc = jdbc;
    }

    /** The outcome of a choice: a company, or why there is none. */
    sealed interface Decision permits Chosen, NoCandidate {
    }

    record Chosen(long companyId, String companyName, AssignmentCriterion criterion) implements Decision {
    }

    record NoCandidate(Reason reason) implements Decision {
    }

    Decision choose(Opportunity opportunity, PartnerRole role) {
        List<ZoneMatch> matches = zones.covering(role.companyKind(), opportunity.postalCode(), opportunity.province());
        Set<Long> rejected = rejectedBy(opportunity.id(), role);
        Map<Long, ZoneMatch> best = new LinkedHashMap<>();
        for (ZoneMatch match : matches) {
            if (!rejected.contains(match.companyId())) {
                best.merge(match.companyId(), match,
                        (a, b) -> a.specificity() >= b.specificity() ? a : b);
            }
        }
        if (best.isEmpty()) {
            return new NoCandidate(noCandidateReason(opportunity, role, matches.isEmpty()));
        }
        int top = best.values().stream().mapToInt(ZoneMatch::specificity).max().orElseThrow();
        List<ZoneMatch> tier = best.values().stream().filter(match -> match.specificity() == top).toList();
        List<Load> loads = loads(role, tier.stream().map(ZoneMatch::companyId).toList());
        Load chosen = loads.get(0);
        long tied = loads.stream().filter(load -> load.openOpportunities() == chosen.openOpportunities()).count();
        ZoneMatch zone = tier.stream().filter(match -> match.companyId() == chosen.companyId()).findFirst()
                .orElseThrow();
        var criterion = new AssignmentCriterion(
                zone.zone().isPostalCode() ? ZoneType.POSTAL_CODE : ZoneType.PROVINCE,
                zone.zone().isPostalCode() ? zone.zone().postalCodePrefix() : zone.zone().province(),
                chosen.openOpportunities(), tier.size(), tied > 1);
        return new Chosen(chosen.companyId(), zone.companyName(), criterion);
    }

    private static Reason noCandidateReason(Opportunity opportunity, PartnerRole role, boolean nobodyCovers) {
        Object[] where = {"postalCode", opportunity.postalCode(), "province", opportunity.province()};
        if (role == PartnerRole.INSTALLER) {
            return nobodyCovers ? Reason.of("assignment.noInstallerCovers", where)
                    : Reason.of("assignment.everyInstallerRejected", where);
        }
        return nobodyCovers ? Reason.of("assignment.noSellerCovers", where)
                : Reason.of("assignment.everySellerRejected", where);
    }

    private Set<Long> rejectedBy(long opportunityId, PartnerRole role) {
        return new HashSet<>(jdbc.sql("""
                        select assigned_company_id from assignment_history
                        where opportunity_id = ? and role = ? and assignment_status = 'REJECTED'""")
                .params(opportunityId, role.name()).query(Long.class).list());
    }

    /**
     * Load and latest offer of each candidate, least loaded first, then round-robin. Counting walks the company's
     * opportunities in the role (opportunity_installer_idx / opportunity_seller_idx) and probes the partial index
     * of open substates; the latest offer is the first entry of assignment_history_company_idx.
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
                .list().stream()
                .sorted(Comparator.comparingInt(Load::openOpportunities)
                        .thenComparing(Load::lastOfferAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingLong(Load::companyId))
                .toList();
    }

    private record Load(long companyId, int openOpportunities, Timestamp lastOfferAt) {
    }
}
