package com.flowstate.action.assignment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the assignment criteria pick among the partners of the most specific zone that covers an opportunity (and
 * have not rejected it, and are below their capacity). Set per role by an admin ({@link AssignmentRuleService}).
 */
public enum AssignmentStrategy {
    /** The fewest open opportunities in the role; on a tie the one offered an opportunity longest ago. */
    LEAST_LOADED,
    /** Turns: the one offered an opportunity longest ago (never offered first), whatever its load. */
    ROUND_ROBIN,
    /** The admin's ordered list: the first listed; unlisted partners after every listed one, least loaded first. */
    FIXED_PRIORITY;

    /** Any case, blanks around it allowed; empty for anything else. */
    public static Optional<AssignmentStrategy> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(strategy -> strategy.name().equals(name)).findFirst();
    }
}
