package com.flowstate.flow;

/**
 * One attempt of an action execution, as an action sees it.
 *
 * @param executionKey      stable across the retries of one execution (the engine job's id): the dedupe key
 * @param opportunityId     the opportunity whose flow runs the action; null for an action in a process of its own
 *                          (a scheduled export), which has no opportunity
 * @param processInstanceId the process instance running it
 * @param action            the action as modelled
 * @param attemptNumber     1 for the first attempt
 * @param lastAttempt       true when a transient failure now must end the execution instead of being retried
 */
public record ActionAttempt(String executionKey, Long opportunityId, String processInstanceId,
                            ActionDefinition action, int attemptNumber, boolean lastAttempt) {
}
