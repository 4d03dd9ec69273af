package com.flowstate.flow;

import java.time.Instant;

/**
 * An attempt of an action execution threw and its transaction rolled back; the engine recorded the failure in a
 * transaction of its own. {@code willRetry} is false when the engine gave up (an incident in Cockpit).
 */
public record ActionAttemptFailed(String executionKey, ActionDefinition action, String error, boolean willRetry,
                                  Instant at) {
}
