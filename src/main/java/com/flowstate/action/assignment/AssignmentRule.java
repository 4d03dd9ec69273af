package com.flowstate.action.assignment;

import java.util.List;

/**
 * A role's assignment rule: the strategy, and every partner company of the role's kind with its settings and the
 * zones it covers (read-only here: zones belong to the partner).
 */
public record AssignmentRule(PartnerRole role, AssignmentStrategy strategy, List<Partner> partners) {

    /**
     * @param zones             its provinces and postal-code prefixes ({@code MI}, {@code 201*})
     * @param openOpportunities its open opportunities in the role now
     * @param capacity          the most open opportunities it may hold; null: no limit
     * @param priority          its rank in the fixed-priority order (1 first); null: not ranked
     */
    public record Partner(long companyId, String companyName, List<String> zones, int openOpportunities,
                          Integer capacity, Integer priority) {
    }

    /** The fields the audit trail keeps: strategy, the order by name, capacities by name. */
    Object audited() {
        return new Audited(strategy, partners.stream().filter(p -> p.priority() != null)
                .sorted(java.util.Comparator.comparing(Partner::priority)).map(Partner::companyName).toList(),
                partners.stream().filter(p -> p.capacity() != null)
                        .collect(java.util.stream.Collectors.toMap(Partner::companyName, Partner::capacity,
                                (a, b) -> a, java.util.TreeMap::new)));
    }

    private record Audited(AssignmentStrategy strategy, List<String> priority,
                           java.util.Map<String, Integer> capacities) {
    }
}
