package com.flowstate.flow;

import java.time.Instant;
import java.util.List;

/**
 * A timer of an opportunity's flow that has not fired yet, and the actions it will start when it does.
 *
 * @param jobId          the engine's timer job: what a cancel or a reschedule names
 * @param timerId        the timer's BPMN id (a timer start event or boundary event)
 * @param timerName      its BPMN name, or its id when it has none
 * @param substateKey    the substate the timer belongs to; null outside any substate
 * @param substateName   that substate's name
 * @param dueAt          when it fires
 * @param actions        the actions it starts, in model order
 */
public record PendingTimer(String jobId, String timerId, String timerName, String substateKey, String substateName,
                           Instant dueAt, List<ActionDefinition> actions) {

    public PendingTimer {
        actions = List.copyOf(actions);
    }
}
