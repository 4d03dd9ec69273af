package com.flowstate.action.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The assignment rules' tables (V31__assignment_rules.sql): a row per role and a few per partner of it. */
@Repository
class AssignmentRuleRepository {

    private final JdbcClient jdbc;

    AssignmentRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A role's strategy and its partners' settings; a role without a row is least loaded with no settings. */
    Settings settings(PartnerRole role) {
        AssignmentStrategy strategy = jdbc.sql("select strategy from assignment_rule where role = ?")
                .param(role.name()).query(String.class).optional().map(AssignmentStrategy::valueOf)
                .orElse(AssignmentStrategy.LEAST_LOADED);
        Map<Long, PartnerSetting> partners = new LinkedHashMap<>();
        jdbc.sql("""
                        select company_id, capacity, priority from assignment_rule_partner where role = ?
                        order by priority nulls last, company_id""")
                .param(role.name())
                .query((rs, n) -> new PartnerSetting(rs.getLong("company_id"), (Integer) rs.getObject("capacity"),
                        (Integer) rs.getObject("priority")))
                .list().forEach(setting -> partners.put(setting.companyId(), setting));
        return new Settings(strategy, partners);
    }

    /** Replaces a role's rule: its strategy and every partner setting (partners left out have none). */
    void replace(PartnerRole role, AssignmentStrategy strategy, List<PartnerSetting> partners) {
        jdbc.sql("""
                        insert into assignment_rule (role, strategy) values (?, ?)
                        on conflict (role) do update set strategy = excluded.strategy, updated_at = now()""")
                .params(role.name(), strategy.name()).update();
        jdbc.sql("delete from assignment_rule_partner where role = ?").param(role.name()).update();
        for (PartnerSetting setting : partners) {
            if (setting.capacity() != null || setting.priority() != null) {
                jdbc.sql("insert into assignment_rule_partner (role, company_id, capacity, priority) values (?, ?, ?, ?)")
                        .params(role.name(), setting.companyId(), setting.capacity(), setting.priority()).update();
            }
        }
    }

    record Settings(AssignmentStrategy strategy, Map<Long, PartnerSetting> partners) {

        PartnerSetting of(long companyId) {
            return partners.getOrDefault(companyId, new PartnerSetting(companyId, null, null));
        }
    }

    /**
     * @param capacity null: no limit
     * @param priority rank in the fixed-priority order, 1 first; null: not ranked
     */
    record PartnerSetting(long companyId, Integer capacity, Integer priority) {
    }
}
