package com.flowstate.action.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.assignment.AssignmentRuleRepository.PartnerSetting;
import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditTrail;
import com.flowstate.i18n.Reason;
import com.flowstate.partner.Provinces;

/**
 * The assignment rules an admin sets per role (strategy, capacity per partner, fixed-priority order), and the "who
 * would get this opportunity" simulator, which asks {@link PartnerChooser} the same question a real assignment does
 * and writes nothing. Zones stay with the partners ({@link com.flowstate.partner.PartnerZoneService}).
 */
@Service
public class AssignmentRuleService {

    private static final Logger log = LoggerFactory.getLogger(AssignmentRuleService.class);
    static final int MAX_CAPACITY = 100_000;

    private final AssignmentRuleRepository rules;
    private final PartnerChooser chooser;
    private final Provinces provinces;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    AssignmentRuleService(AssignmentRuleRepository rules, PartnerChooser chooser, Provinces provinces,
                          AuditTrail audit, JdbcClient jdbc) {
        this.rules = rules;
        this.chooser = chooser;
        this.provinces = provinces;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Both roles' rules. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<AssignmentRule> rules() {
        return Arrays.stream(PartnerRole.values()).map(this::read).toList();
    }

    /** One role's rule, with every partner of the role's kind, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public AssignmentRule rule(PartnerRole role) {
        return read(role);
    }

    /**
     * Replaces a role's rule; the next assignment in the role follows it. Leaves one audit row.
     *
     * @throws InvalidAssignmentRuleException naming the field at fault
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AssignmentRule update(PartnerRole role, AssignmentRuleChange change) {
        AssignmentRule before = read(role);
        Map<Long, AssignmentRule.Partner> partners = new HashMap<>();
        before.partners().forEach(partner -> partners.put(partner.companyId(), partner));
        AssignmentStrategy strategy = AssignmentStrategy.parse(change.strategy()).orElseThrow(() ->
                new InvalidAssignmentRuleException("strategy", null,
                        Reason.of("rules.unknownStrategy", "value", shown(change.strategy()))));
        List<Long> priority = change.priority() == null ? List.of() : change.priority();
        if (strategy == AssignmentStrategy.FIXED_PRIORITY && priority.isEmpty()) {
            throw new InvalidAssignmentRuleException("priority", null, Reason.of("rules.priorityRequired"));
        }
        Map<Long, PartnerSetting> settings = new HashMap<>();
        List<Long> order = new ArrayList<>();
        for (Long companyId : priority) {
            requirePartner("priority", role, partners, companyId);
            if (settings.containsKey(companyId)) {
                throw new InvalidAssignmentRuleException("priority", companyId, Reason.of("rules.duplicatePartner",
                        "name", partners.get(companyId).companyName()));
            }
            order.add(companyId);
            settings.put(companyId, new PartnerSetting(companyId, null, order.size()));
        }
        Set<Long> capped = new HashSet<>();
        for (AssignmentRuleChange.Capacity capacity : change.capacities() == null
                ? List.<AssignmentRuleChange.Capacity>of() : change.capacities()) {
            Long companyId = capacity == null ? null : capacity.companyId();
            requirePartner("capacities", role, partners, companyId);
            if (!capped.add(companyId)) {
                throw new InvalidAssignmentRuleException("capacities", companyId, Reason.of("rules.duplicatePartner",
                        "name", partners.get(companyId).companyName()));
            }
            Integer value = capacity.capacity();
            if (value != null && (value < 0 || value > MAX_CAPACITY)) {
                throw new InvalidAssignmentRuleException("capacities", companyId,
                        Reason.of("rules.capacityOutOfRange", "value", value, "max", MAX_CAPACITY));
            }
            PartnerSetting ranked = settings.get(companyId);
            settings.put(companyId, new PartnerSetting(companyId, value, ranked == null ? null : ranked.priority()));
        }
        rules.replace(role, strategy, List.copyOf(settings.values()));
        AssignmentRule after = read(role);
        audit.record(AuditArea.ASSIGNMENT_RULE, role.name(), AuditChange.UPDATED, before.audited(), after.audited());
        log.info("Assignment rule of {} set: {}", role, after.audited());
        return after;
    }

    /**
     * Who would get an opportunity at this address in this role now, and why; assigns nothing, changes nobody's
     * load, writes no row. A postal code, a province or both.
     *
     * @throws InvalidAssignmentRuleException naming the field at fault
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public AssignmentSimulation simulate(String role, String postalCode, String province) {
        PartnerRole partnerRole = PartnerRole.parse(role).orElseThrow(() -> new InvalidAssignmentRuleException("role",
                null, Reason.of("rules.unknownRole", "value", shown(role))));
        String code = postalCode == null ? "" : postalCode.strip();
        String provinceCode = province == null ? "" : province.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.isEmpty() && provinceCode.isEmpty()) {
            throw new InvalidAssignmentRuleException("postalCode", null, Reason.of("rules.addressRequired"));
        }
        if (!code.isEmpty() && !code.matches("\\d{5}")) {
            throw new InvalidAssignmentRuleException("postalCode", null,
                    Reason.of("rules.postalCodeInvalid", "value", shown(postalCode)));
        }
        if (!provinceCode.isEmpty() && !provinces.exists(provinceCode)) {
            throw new InvalidAssignmentRuleException("province", null,
                    Reason.of("rules.provinceUnknown", "value", shown(province)));
        }
        PartnerChooser.Decision decision = chooser.choose(partnerRole, code, provinceCode, Set.of());
        if (decision instanceof PartnerChooser.Chosen chosen) {
            return new AssignmentSimulation(partnerRole, code, provinceCode, chosen.strategy(), chosen.companyId(),
                    chosen.companyName(), chosen.criterion(), null, chosen.candidates());
        }
        var none = (PartnerChooser.NoCandidate) decision;
        return new AssignmentSimulation(partnerRole, code, provinceCode, none.strategy(), null, null, null,
                none.reason(), none.candidates());
    }

    private static void requirePartner(String field, PartnerRole role, Map<Long, AssignmentRule.Partner> partners,
                                       Long companyId) {
        if (companyId == null || !partners.containsKey(companyId)) {
            throw new InvalidAssignmentRuleException(field, companyId, Reason.of("rules.unknownPartner",
                    "role", role.name(), "id", companyId));
        }
    }

    /** A value as an error message shows it: at most 40 characters, no control characters. */
    static String shown(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    private AssignmentRule read(PartnerRole role) {
        var settings = rules.settings(role);
        List<AssignmentRule.Partner> partners = jdbc.sql("""
                        select c.id, c.name,
                               coalesce((select string_agg(coalesce(z.province, z.postal_code_prefix || '*'), ', '
                                                           order by z.province nulls last, z.postal_code_prefix)
                                         from partner_zone z where z.company_id = c.id), '') zones,
                               (select count(*) from opportunity o
                                where o.%s = c.id
                                  and exists (select 1 from opportunity_substate s
                                              where s.opportunity_id = o.id and s.closed_at is null)) open_opportunities
                        from company c where c.kind = ? order by c.name, c.id""".formatted(role.opportunityColumn()))
                .param(role.companyKind().name())
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    String zones = rs.getString("zones");
                    PartnerSetting setting = settings.of(id);
                    return new AssignmentRule.Partner(id, rs.getString("name"),
                            zones.isEmpty() ? List.of() : List.of(zones.split(", ")), rs.getInt("open_opportunities"),
                            setting.capacity(), setting.priority());
                })
                .list();
        return new AssignmentRule(role, settings.strategy(), partners);
    }
}
