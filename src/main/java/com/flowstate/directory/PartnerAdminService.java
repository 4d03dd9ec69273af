package com.flowstate.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditTrail;
import com.flowstate.partner.CompanyKind;
import com.flowstate.partner.CompanyService;
import com.flowstate.partner.PartnerZone;
import com.flowstate.partner.PartnerZoneService;
import com.flowstate.partner.Provinces;

/**
 * Partner companies as admins run them: create, edit (name, kind, contact, zones), deactivate and reactivate. A
 * deactivated company keeps every row that refers to it; it only stops getting new assignments and its users stop
 * signing in. Every change is one audit row with the fields before and after.
 */
@Service
public class PartnerAdminService {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_ZONES = 500;
    private static final Logger log = LoggerFactory.getLogger(PartnerAdminService.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final CompanyService companies;
    private final PartnerZoneService zones;
    private final Provinces provinces;
    private final AuditTrail audit;

    PartnerAdminService(JdbcClient jdbc, CompanyService companies, PartnerZoneService zones, Provinces provinces,
                        AuditTrail audit) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.zones = zones;
        this.provinces = provinces;
        this.audit = audit;
    }

    /** A page of partner companies whose name contains the search text (any case), by name; inactive ones too. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<PartnerDetails> list(String search, int offset, int limit) {
        String text = search == null ? "" : search.strip().replace("\0", "");
        return jdbc.sql(SELECT + """
                        where c.kind <> 'PLATFORM' and (:text = '' or c.name ilike :pattern escape '\\')
                        order by lower(c.name), c.id offset :offset limit :limit""")
                .param("text", text)
                .param("pattern", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .param("offset", Math.max(0, offset)).param("limit", Math.max(0, Math.min(limit, 500)))
                .query((rs, n) -> details(rs)).list();
    }

    /** Active partner companies, by name: the choices for a partner user's company. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<PartnerDetails> active() {
        return jdbc.sql(SELECT + "where c.kind <> 'PLATFORM' and c.active order by lower(c.name), c.id")
                .query((rs, n) -> details(rs)).list();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public PartnerDetails get(long id) {
        return find(id);
    }

    /**
     * Creates an active partner company with its zones.
     *
     * @throws InvalidInputException naming the field that is missing or wrong
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PartnerDetails create(PartnerRequest request) {
        Valid valid = validate(request, null);
        long id = companies.create(valid.name(), valid.kind(), valid.email()).id();
        applyZones(id, valid);
        PartnerDetails created = find(id);
        audit.record(AuditArea.PARTNER, created.name(), AuditChange.CREATED, null, audited(created));
        log.info("Partner company '{}' ({}) created with zones {}", created.name(), created.kind(),
                created.zonesLabel());
        return created;
    }

    /**
     * Changes a partner company's name, kind, contact e-mail and zones (the zones given replace the ones it had).
     *
     * @throws InvalidInputException naming the field that is wrong
     * @throws NotFoundException     for an unknown id
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PartnerDetails update(long id, PartnerRequest request) {
        PartnerDetails before = find(id);
        Valid valid = validate(request, id);
        companies.update(id, valid.name(), valid.kind(), valid.email());
        applyZones(id, valid);
        PartnerDetails after = find(id);
        if (!audited(before).equals(audited(after))) {
            audit.record(AuditArea.PARTNER, after.name(), AuditChange.UPDATED, audited(before), audited(after));
        }
        return after;
    }

    /**
     * Replaces only the zones a partner company serves.
     *
     * @throws InvalidInputException naming {@code provinces} or {@code postalCodePrefixes}
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PartnerDetails replaceZones(long id, List<String> provinceCodes, List<String> postalCodePrefixes) {
        PartnerDetails before = find(id);
        return update(id, new PartnerRequest(before.name(), before.kind(), before.email(), provinceCodes,
                postalCodePrefixes));
    }

    /**
     * Deactivates a partner company (no new assignments, its users cannot sign in; its history stays) or makes it
     * active again. Setting the state it already has changes nothing.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PartnerDetails setActive(long id, boolean active) {
        PartnerDetails before = find(id);
        if (before.active() == active) {
            return before;
        }
        companies.setActive(id, active);
        PartnerDetails after = find(id);
        audit.record(AuditArea.PARTNER, after.name(), AuditChange.UPDATED, audited(before), audited(after));
        log.info("Partner company '{}' {}", after.name(), active ? "reactivated" : "deactivated");
        return after;
    }

    private static final String SELECT = """
            select c.id, c.name, c.kind, c.email, c.active,
                   array(select z.province from partner_zone z
                         where z.company_id = c.id and z.province is not null order by 1) provinces,
                   array(select z.postal_code_prefix from partner_zone z
                         where z.company_id = c.id and z.postal_code_prefix is not null order by 1) prefixes,
                   (select count(*) from app_user u where u.company_id = c.id) users
            from company c
            """;

    private PartnerDetails find(long id) {
        return jdbc.sql(SELECT + "where c.id = ? and c.kind <> 'PLATFORM'").param(id)
                .query((rs, n) -> details(rs)).optional()
                .orElseThrow(() -> new NotFoundException("partner company", id));
    }

    private static PartnerDetails details(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PartnerDetails(rs.getLong("id"), rs.getString("name"), CompanyKind.valueOf(rs.getString("kind")),
                rs.getString("email"), rs.getBoolean("active"),
                List.of((String[]) rs.getArray("provinces").getArray()),
                List.of((String[]) rs.getArray("prefixes").getArray()), rs.getLong("users"));
    }

    private void applyZones(long id, Valid valid) {
        for (PartnerZone zone : zones.zones(id)) {
            boolean kept = zone.isPostalCode() ? valid.prefixes().contains(zone.postalCodePrefix())
                    : valid.provinces().contains(zone.province());
            if (!kept) {
                zones.removeZone(id, zone.id());
            }
        }
        valid.provinces().forEach(code -> zones.addProvince(id, code));
        valid.prefixes().forEach(prefix -> zones.addPostalCodePrefix(id, prefix));
    }

    private Valid validate(PartnerRequest request, Long id) {
        if (request == null) {
            throw new InvalidInputException("name", "admin.error.required", "is required");
        }
        String name = Text.required("name", request.name(), MAX_NAME);
        Long other = jdbc.sql("select id from company where lower(name) = lower(?)").param(name)
                .query(Long.class).optional().orElse(null);
        if (other != null && !other.equals(id)) {
            throw new InvalidInputException("name", "admin.error.nameTaken", "another company is called '" + name
                    + "'", name);
        }
        if (request.kind() == null || request.kind() == CompanyKind.PLATFORM) {
            throw new InvalidInputException("kind", "admin.partners.error.kind", "must be INSTALLER or SELLER");
        }
        String email = Text.optional("email", request.email(), MAX_EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "admin.error.email", "is not an e-mail address");
        }
        if (request.provinces().size() + request.postalCodePrefixes().size() > MAX_ZONES) {
            throw new InvalidInputException("provinces", "admin.partners.error.tooManyZones",
                    "at most " + MAX_ZONES + " zones", MAX_ZONES);
        }
        Set<String> provinceCodes = new LinkedHashSet<>();
        for (String province : request.provinces()) {
            String code = Provinces.normalised(province);
            if (!provinces.exists(code)) {
                String shown = Text.printable(province);
                throw new InvalidInputException("provinces", "admin.partners.error.province",
                        "'" + shown + "' is not an Italian province", shown);
            }
            provinceCodes.add(code);
        }
        Set<String> prefixes = new LinkedHashSet<>();
        for (String prefix : request.postalCodePrefixes()) {
            String digits = prefix == null ? "" : prefix.strip();
            if (digits.endsWith("*")) {
                digits = digits.substring(0, digits.length() - 1);
            }
            if (!digits.matches("\\d{1,5}")) {
                String shown = Text.printable(prefix);
                throw new InvalidInputException("postalCodePrefixes", "admin.partners.error.prefix",
                        "'" + shown + "' is not a postal-code prefix (1 to 5 digits)", shown);
            }
            prefixes.add(digits);
        }
        return new Valid(name, request.kind(), email, provinceCodes, prefixes);
    }

    /** What the audit trail keeps of a partner company: its settings, not its user count. */
    private static Map<String, Object> audited(PartnerDetails partner) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", partner.name());
        fields.put("kind", partner.kind().name());
        fields.put("email", partner.email());
        fields.put("active", partner.active());
        fields.put("provinces", new ArrayList<>(partner.provinces()));
        fields.put("postalCodePrefixes", new ArrayList<>(partner.postalCodePrefixes()));
        return fields;
    }

    /** Splits what a user typed as zones ({@code MI, 201*; TO}) into provinces and postal-code prefixes. */
    public static PartnerRequest withZones(String name, CompanyKind kind, String email, String zonesText) {
        List<String> provinceCodes = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        Arrays.stream((zonesText == null ? "" : zonesText).split("[,;\\s]+")).map(String::strip)
                .filter(zone -> !zone.isEmpty())
                .forEach(zone -> (Character.isDigit(zone.charAt(0)) ? prefixes : provinceCodes).add(zone));
        return new PartnerRequest(name, kind, email, provinceCodes, prefixes);
    }

    private record Valid(String name, CompanyKind kind, String email, Set<String> provinces, Set<String> prefixes) {
    }
}
