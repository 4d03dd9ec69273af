package com.flowstate.workspace;

import java.time.Instant;
import java.util.List;

/**
 * A pending scheduled action of an opportunity: a timer of its flow that has not fired, and what it will run.
 *
 * @param id           the timer's job id: what a cancel or a reschedule names
 * @param timerId      the timer's BPMN element id
 * @param substateName the substate it belongs to
 * @param dueAt        when it fires
 * @param actions      the names (as the BPMN names the service tasks) of the actions it will run
 */
public record ScheduledAction(String id, String timerId, String timerName, String substateName, Instant dueAt,
                              List<String> actions) {
}
