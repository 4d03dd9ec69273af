package com.flowstate.flow;

import java.time.Instant;

import com.flowstate.i18n.Reason;

/**
 * The job of a substate change an action asked for ({@link SubstateChangeJobs}) has run, or was cancelled before it
 * could. Published in that job's transaction.
 *
 * @param executionKey the action execution that asked for the change
 * @param targetName   the target's name as users see it; null when the job was cancelled
 * @param refusal      why the change was not made (the target was not open, already open…); null when it was made
 */
public record SubstateChangeFinished(String executionKey, SubstateChangeType type, String targetKey, String targetName,
                                     Reason refusal, Instant at) {

    public boolean made() {
        return refusal == null;
    }
}
