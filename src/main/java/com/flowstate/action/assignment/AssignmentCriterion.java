package com.flowstate.action.assignment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a company was chosen: the zone that matched, the strategy that picked among its partners, the company's load
 * then, and whether turns (round-robin) broke a tie.
 *
 * @param zone               the province ({@code MI}) or postal-code prefix ({@code 201}) that matched; for
 *                           {@link ZoneType#EXISTING} null
 * @param openOpportunities  the company's open opportunities in this role when it was chosen (its load)
 * @param candidates         companies that matched the most specific zone, had not rejected the opportunity and were
 *                           below their capacity
 * @param roundRobin         more than one candidate ranked first by the strategy: the one offered an opportunity
 *                           longest ago was chosen (with {@link AssignmentStrategy#ROUND_ROBIN}: there was a choice)
 * @param strategy           the role's strategy when it was chosen; null on rows written before strategies existed,
 *                           which were all least loaded
 */
public record AssignmentCriterion(ZoneType zoneType, String zone, Integer openOpportunities, Integer candidates,
                                  Boolean roundRobin, AssignmentStrategy strategy) {

    /** The strategy that chose: a row written before strategies existed was chosen least loaded. */
    public AssignmentStrategy strategyUsed() {
        return strategy == null ? AssignmentStrategy.LEAST_LOADED : strategy;
    }

    /**
     * In English, for the REST API and logs: {@code province MI; least loaded (2 open) of 3; round-robin tie},
     * {@code province MI; round-robin (2 open) of 3}, {@code province MI; fixed priority (0 open) of 3}.
     */
    @JsonProperty("summary")
    public String summary() {
        if (zoneType == ZoneType.EXISTING) {
            return "already assigned: kept";
        }
        StringBuilder text = new StringBuilder();
        text.append(zoneType == ZoneType.POSTAL_CODE ? "postal code " + zone + "*" : "province " + zone);
        if (candidates != null && candidates == 1) {
            text.append("; only candidate (").append(openOpportunities).append(" open)");
        } else {
            String how = switch (strategyUsed()) {
                case LEAST_LOADED -> "least loaded";
                case ROUND_ROBIN -> "round-robin";
                case FIXED_PRIORITY -> "fixed priority";
            };
            text.append("; ").append(how).append(" (").append(openOpportunities).append(" open) of ")
                    .append(candidates);
        }
        if (Boolean.TRUE.equals(roundRobin) && strategyUsed() != AssignmentStrategy.ROUND_ROBIN) {
            text.append("; round-robin tie");
        }
        return text.toString();
    }
}
