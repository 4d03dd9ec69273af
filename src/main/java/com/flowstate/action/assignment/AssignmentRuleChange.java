package com.flowstate.action.assignment;

import java.util.List;

/**
 * A role's new rule, replacing the old one whole.
 *
 * @param strategy   LEAST_LOADED, ROUND_ROBIN or FIXED_PRIORITY (any case)
 * @param priority   company ids in the fixed-priority order, first first; needed (not empty) for FIXED_PRIORITY,
 *                   kept but unused by the other strategies; partners left out come after the listed ones
 * @param capacities the partners with a capacity; the others have no limit
 */
public record AssignmentRuleChange(String strategy, List<Long> priority, List<Capacity> capacities) {

    /** @param capacity the most open opportunities in the role, 0 to 100000; null: no limit */
    public record Capacity(Long companyId, Integer capacity) {
    }
}
