package com.flowstate.action.assignment;

import java.time.Instant;

/**
 * A partner whose zone covers an address, as the assignment criteria weighed it: what the "who would get this
 * opportunity" simulator shows.
 *
 * @param openOpportunities its open opportunities in the role now (its load)
 * @param capacity          the most it may hold; null: no limit
 * @param priority          its rank in the fixed-priority order; null: not ranked
 * @param lastOfferAt       when it was last offered an opportunity (round-robin's turn); null: never
 */
public record AssignmentCandidate(long companyId, String companyName, ZoneType zoneType, String zone,
                                  int openOpportunities, Integer capacity, Integer priority, Instant lastOfferAt,
                                  Outcome outcome) {

    /** What became of the candidate. */
    public enum Outcome {
        /** The strategy ranked it first. */
        CHOSEN,
        /** In the most specific zone, below capacity, but ranked after the chosen one. */
        RANKED_LOWER,
        /** Below capacity, but another partner's zone is more specific. */
        LESS_SPECIFIC_ZONE,
        /** Holds as many open opportunities as its capacity allows: skipped. */
        AT_CAPACITY
    }
}
