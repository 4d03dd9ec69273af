package com.flowstate.history;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.flowstate.history.ActionStatus;
import com.flowstate.flow.SubstateChangeType;

/**
 * A row of the Substates tab: a substate an action or a user opened or closed, or tried to.
 *
 * @param targetSubstateKey  the substate opened or closed (the seed's "substate" column)
 * @param substateKey        where the action sits (null for a manual change), with its {@code trigger}
 * @param manual             true when a user made the change by hand; {@code changedBy} is their username
 * @param lastError          why it was not completed (e.g. "Substate X is not open")
 */
public record SubstateChangeHistoryRow(
        long id,
        long opportunityId,
        String opportunityName,
        SubstateChangeType changeType,
        String targetSubstateKey,
        String targetSubstateName,
        ActionStatus state,
        int attempts,
        String lastError,
        boolean manual,
        String changedBy,
        String substateKey,
        String substateName,
        String trigger,
        String activityId,
        Instant createdAt,
        Instant updatedAt) {

    /** The seed's status: true = completed, false = not completed, null while under way. */
    @JsonProperty("status")
    public Boolean status() {
        return state.asBoolean();
    }
}
