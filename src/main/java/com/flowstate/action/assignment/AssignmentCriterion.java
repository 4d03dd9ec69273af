package com.flowstate.action.assignment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a company was chosen: the zone that matched, its load then, and whether round-robin broke a tie.
 *
 * @param zone               the province ({@code MI}) or postal-code prefix ({@code 201}) that matched; for
 *                           {@link ZoneType#EXISTING} null
 * @param openOpportunities  the company's open opportunities in this role when it was chosen (its load)
 * @param candidates         companies that matched the most specific zone and had not rejected the opportunity
 * @param roundRobin         more than one candidate had that lowest load: the one offered an opportunity longest ago
 *                           was chosen
 */
public record AssignmentCriterion(ZoneType zoneType, String zone, Integer openOpportunities, Integer candidates,
                                  Boolean roundRobin) {

    /** In English, for the REST API and logs: {@code province MI; least loaded (2 open) of 3; round-robin tie}. */
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
            text.append("; least loaded (").append(openOpportunities).append(" open) of ").append(candidates);
        }
        if (Boolean.TRUE.equals(roundRobin)) {
            text.append("; round-robin tie");
        }
        return text.toString();
    }
}
