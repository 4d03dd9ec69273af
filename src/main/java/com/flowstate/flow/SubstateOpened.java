package com.flowstate.flow;

import java.time.Instant;

/** A substate's wait state became active: the substate is open. */
public record SubstateOpened(String activityInstanceId, long opportunityId, String substateKey, String substateName,
                             Instant at) {
}
