package com.flowstate.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assignment criteria on the partner side: which zones each installer and seller covers. The Assign installer /
 * seller action asks it which companies cover an opportunity's address. Indexes: V6__assignments.sql.
 */
@Service
public class PartnerZoneService {

    private static final String SELECT = "select id, company_id, province, postal_code_prefix from partner_zone ";

    private final JdbcClient jdbc;
    private final Provinces provinces;

    PartnerZoneService(JdbcClient jdbc, Provinces provinces) {
        this.jdbc = jdbc;
        this.provinces = provinces;
    }

    /**
     * Lets a partner company cover a whole province; adding it twice changes nothing.
     *
     * @throws IllegalArgumentException when the province is none of Italy's ({@link Provinces})
     */
    @Transactional
    public PartnerZone addProvince(long companyId, String province) {
        String code = Provinces.normalised(province);
        if (!provinces.exists(code)) {
            throw new IllegalArgumentException("province: '" + province + "' is not an Italian province");
        }
        jdbc.sql("insert into partner_zone (company_id, province) values (?, ?) on conflict do nothing")
                .params(companyId, code).update();
        return jdbc.sql(SELECT + "where company_id = ? and province = ?").params(companyId, code)
                .query(PartnerZone.class).single();
    }

    /**
     * Lets a partner company cover the postal codes starting with a prefix (e.g. {@code 201}: 20100–20199), which
     * takes precedence over a province that also covers them; adding it twice changes nothing.
     *
     * @throws IllegalArgumentException when the prefix is not 1 to 5 digits
     */
    @Transactional
    public PartnerZone addPostalCodePrefix(long companyId, String prefix) {
        String digits = prefix == null ? "" : prefix.strip();
        if (!digits.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("A postal-code prefix is 1 to 5 digits, not '" + prefix + "'");
        }
        jdbc.sql("insert into partner_zone (company_id, postal_code_prefix) values (?, ?) on conflict do nothing")
                .params(companyId, digits).update();
        return jdbc.sql(SELECT + "where company_id = ? and postal_code_prefix = ?").params(companyId, digits)
                .query(PartnerZone.class).single();
    }

    /**
     * Every active company of a kind with a zone covering the address (a deactivated one gets no new assignments): its province, or a prefix of its postal code. A
     * company covering the address twice (province and prefix) appears once per zone; the caller picks the most
     * specific. Looks the prefixes up by equality ({@code 2, 20, 201, 2012, 20121}), so both arms use an index.
     */
    @Transactional(readOnly = true)
    public List<ZoneMatch> covering(CompanyKind kind, String postalCode, String province) {
        List<String> prefixes = new ArrayList<>();
        String code = postalCode == null ? "" : postalCode.strip();
        for (int length = 1; length <= Math.min(code.length(), 5); length++) {
            prefixes.add(code.substring(0, length));
        }
        return jdbc.sql("""
                        select z.id, z.company_id, z.province, z.postal_code_prefix, c.name company_name
                        from partner_zone z join company c on c.id = z.company_id
                        where c.kind = :kind and c.active
                          and (z.province = :province or z.postal_code_prefix in (:prefixes))
                        order by z.company_id, z.id""")
                .param("kind", kind.name())
                .param("province", province == null ? "" : province.strip().toUpperCase(Locale.ROOT))
                .param("prefixes", prefixes.isEmpty() ? List.of("-") : prefixes)
                .query((rs, n) -> new ZoneMatch(rs.getLong("company_id"), rs.getString("company_name"),
                        new PartnerZone(rs.getLong("id"), rs.getLong("company_id"), rs.getString("province"),
                                rs.getString("postal_code_prefix"))))
                .list();
    }

    /** The zones of a company, provinces first. */
    @Transactional(readOnly = true)
    public List<PartnerZone> zones(long companyId) {
        return jdbc.sql(SELECT + "where company_id = ? order by province nulls last, postal_code_prefix")
                .param(companyId).query(PartnerZone.class).list();
    }

    /** Stops a company covering one of its zones; a zone it does not have changes nothing. */
    @Transactional
    public void removeZone(long companyId, long zoneId) {
        jdbc.sql("delete from partner_zone where company_id = ? and id = ?").params(companyId, zoneId).update();
    }
}
