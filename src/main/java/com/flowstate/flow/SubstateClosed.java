package com.flowstate.flow;

import java.time.Instant;

/** A substate's wait state ended: the substate is closed. */
public record SubstateClosed(String activityInstanceId, long opportunityId, String substateKey, Instant at) {
}
