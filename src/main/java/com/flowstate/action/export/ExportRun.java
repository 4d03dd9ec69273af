package com.flowstate.action.export;

/**
 * One attempt of an export execution.
 *
 * @param executionKey  stable across the retries of one execution (the engine job's id): the dedupe key
 * @param opportunityId the opportunity whose flow runs the export; null for a scheduled export
 * @param lastAttempt   true when a transient failure now must end the execution instead of being retried
 */
record ExportRun(String executionKey, Long opportunityId, String processInstanceId, String activityId,
                 int attemptNumber, boolean lastAttempt) {

    boolean isScheduled() {
        return opportunityId == null;
    }
}
