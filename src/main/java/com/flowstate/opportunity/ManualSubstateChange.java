package com.flowstate.opportunity;

import java.time.Instant;

import com.flowstate.flow.SubstateChangeType;
import com.flowstate.i18n.Reason;

/**
 * A user opened or closed a substate by hand, from the UI or the API, or tried to and was refused (the substate was
 * not open, or already open). A change made is published in the engine's transaction that makes it; a refusal after
 * the engine's transaction rolled back.
 *
 * @param refusal why the change was not made; null when it was
 */
public record ManualSubstateChange(long opportunityId, String processInstanceId, SubstateChangeType type,
                                   String substateKey, String username, Reason refusal, Instant at) {

    public boolean made() {
        return refusal == null;
    }
}
