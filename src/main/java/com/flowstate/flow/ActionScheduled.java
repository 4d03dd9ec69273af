package com.flowstate.flow;

import java.time.Instant;

/** The engine created the job of an action execution: the execution exists and waits for its first attempt. */
public record ActionScheduled(String executionKey, long opportunityId, String processInstanceId,
                              ActionDefinition action, Instant at) {
}
