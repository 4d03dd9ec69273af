package com.flowstate.action;

import java.time.Instant;

import com.flowstate.history.ActionStatus;
import com.flowstate.i18n.Reason;

/**
 * One action execution of an opportunity, as its timeline shows it: the columns every action's history row shares,
 * plus the action's own one-line summary.
 *
 * @param action       the action's name (its bean name, e.g. {@code sendEmailAction})
 * @param tabKey       the key of its tab in the action history ({@code email}, {@code activity}…), for links
 * @param rowId        the row's id in the action's history table: the {@code row} of a history link
 * @param executionKey the engine job's id while the execution waits or retries; {@code manual:…} for a user's change
 * @param activityId   the service task in the BPMN; null for a change a user made by hand
 * @param reason       why it failed, or its last attempt did; null when nothing went wrong
 * @param trigger      OPEN, CLOSE, SCHEDULED, PROCESS or MANUAL
 * @param summary      the action's main columns, e.g. "Welcome → mario@example.com"; may be null
 */
public record ActionExecution(
        String action,
        String tabKey,
        long rowId,
        String executionKey,
        String activityId,
        String substateKey,
        String substateName,
        String trigger,
        ActionStatus status,
        int attempts,
        Reason reason,
        String summary,
        Instant createdAt,
        Instant updatedAt) {
}
