package com.flowstate.action.substate;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.flowstate.history.ActionHistoryRow;
import com.flowstate.history.ActionRow;

/**
 * A row of the Substates tab: a substate an action or a user opened or closed, or tried to. For a manual change the
 * action's substate key and name are null and its trigger is {@code MANUAL}; its last error says why it was not
 * completed (e.g. "Substate X is not open").
 *
 * @param targetSubstateKey the substate opened or closed (the seed's "substate" column)
 * @param manual            true when a user made the change by hand; {@code changedBy} is their username
 * @param changedByName     that user's display name, what people read (the username when the user is gone)
 * @param activityId        the BPMN id of the action's service task; null for a manual change
 */
public record SubstateChangeHistoryRow(
        @JsonUnwrapped ActionRow action,
        SubstateChangeKind changeType,
        String targetSubstateKey,
        String targetSubstateName,
        boolean manual,
        String changedBy,
        String activityId,
        Instant updatedAt,
        String changedByName) implements ActionHistoryRow {
}
