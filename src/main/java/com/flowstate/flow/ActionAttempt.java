package com.flowstate.flow;

/**
 * One attempt of an action execution, as an action bean sees it.
 *
 * @param executionKey  stable across the retries of one execution (the engine job's id): the dedupe key
 * @param attemptNumber 1 for the first attempt
 * @param lastAttempt   true when a transient failure now must end the execution instead of being retried
 */
public record ActionAttempt(String executionKey, long opportunityId, ActionDefinition action, int attemptNumber,
                            boolean lastAttempt) {
}
