package com.flowstate.opportunity;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.flowstate.flow.FlowInstance;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;

@Repository
class OpportunityRepository {

    private static final String SELECT = """
            select o.id, o.name, c.name customer_name, c.email customer_email, c.phone customer_phone,
                   o.street, o.city, o.postal_code, o.province,
                   o.installer_id, i.name installer_name, i.email installer_email,
                   o.seller_id, s.name seller_name, s.email seller_email,
                   u.username owner_username, u.display_name owner_name, u.email owner_email,
                   o.process_instance_id, o.created_at, o.type_key, o.flow_key, o.flow_version,
                   c.language customer_language
            from opportunity o
            join customer c on c.id = o.customer_id
            left join company i on i.id = o.installer_id
            left join company s on s.id = o.seller_id
            left join app_user u on u.id = o.owner_id
            """;
    /** The partner scope, in SQL: platform users pass a null company. */
    private static final String IN_SCOPE = "(cast(:company as bigint) is null or o.installer_id = :company or o.seller_id = :company)";

    private final JdbcClient jdbc;

    OpportunityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewOpportunity opportunity, String name, Long ownerId, String typeKey) {
        long customerId = jdbc.sql("insert into customer (name, email, phone, language) values (?, ?, ?, ?) returning id")
                .params(opportunity.customerName(), blankToNull(opportunity.customerEmail()),
                        blankToNull(opportunity.customerPhone()), CustomerLanguages.orDefault(opportunity.customerLanguage()))
                .query(Long.class).single();
        return jdbc.sql("""
                        insert into opportunity (name, customer_id, street, city, postal_code, province,
                                                 installer_id, seller_id, owner_id, type_key)
                        values (?, ?, ?, ?, ?, upper(?), ?, ?, ?, ?) returning id""")
                .params(name, customerId, opportunity.street(), opportunity.city(), opportunity.postalCode(),
                        opportunity.province(), opportunity.installerId(), opportunity.sellerId(), ownerId, typeKey)
                .query(Long.class).single();
    }

    void setFlow(long id, FlowInstance flow) {
        jdbc.sql("update opportunity set process_instance_id = ?, flow_key = ?, flow_version = ? where id = ?")
                .params(flow.processInstanceId(), flow.flowKey(), flow.version(), id).update();
    }

    /** The kind of a company, if there is one with this id. */
    Optional<CompanyKind> companyKind(long companyId) {
        return jdbc.sql("select kind from company where id = ?").param(companyId).query(String.class).optional()
                .map(CompanyKind::valueOf);
    }

    void setFlowVersion(long id, String flowKey, int version) {
        jdbc.sql("update opportunity set flow_key = ?, flow_version = ? where id = ?").params(flowKey, version, id)
                .update();
    }

    Optional<Opportunity> find(long id, PartnerScope scope) {
        return jdbc.sql(SELECT + "where o.id = :id and " + IN_SCOPE)
                .param("id", id).param("company", scope.companyId().isPresent() ? scope.companyId().getAsLong() : null)
                .query(Opportunity.class).optional();
    }

    /** Newest first, keyset-paged on id (ids grow with creation). */
    List<Opportunity> list(PartnerScope scope, OpportunityFilter filter, Long beforeId, int limit) {
        // Contains, literally: a % or _ the user typed matches itself, as in the history tabs.
        String text = filter.text() == null || filter.text().isBlank() ? null : "%" + filter.text().strip()
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(SELECT + "where " + IN_SCOPE + """
                         and (cast(:text as text) is null or o.name ilike :text or c.name ilike :text
                              or o.city ilike :text or o.postal_code like :text)
                         and (cast(:before as bigint) is null or o.id < :before)
                        order by o.id desc limit :limit""")
                .param("company", scope.companyId().isPresent() ? scope.companyId().getAsLong() : null)
                .param("text", text).param("before", beforeId).param("limit", limit)
                .query(Opportunity.class).list();
    }

    List<OpenSubstate> openSubstates(long opportunityId) {
        return jdbc.sql("""
                        select substate_key key, substate_name name, opened_at from opportunity_substate
                        where opportunity_id = ? and closed_at is null order by opened_at""")
                .param(opportunityId).query(OpenSubstate.class).list();
    }

    /** Every time a substate was open, latest first; the index on (opportunity_id) finds them. */
    List<SubstateSpell> substateLog(long opportunityId, int limit) {
        return jdbc.sql("""
                        select substate_key key, substate_name name, opened_at, closed_at from opportunity_substate
                        where opportunity_id = ? order by greatest(opened_at, closed_at) desc limit ?""")
                .params(opportunityId, limit).query(SubstateSpell.class).list();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
