package com.flowstate.flow;

import java.time.Instant;

/** The job of an action execution was deleted before it could run (the flow was cancelled or moved on). */
public record ActionCancelled(String executionKey, ActionDefinition action, Instant at) {
}
