package com.flowstate.workspace;

import java.time.Instant;

import com.flowstate.history.ActionStatus;
import com.flowstate.i18n.Reason;

/**
 * One line of an opportunity's timeline.
 *
 * @param kind          what happened
 * @param at            when (an action: when its execution was scheduled; a substate: when it opened or closed)
 * @param action        the action's name, for {@link Kind#ACTION}; null otherwise
 * @param title         for an action: the service task's name in the BPMN ("Welcome e-mail"); null for a change by hand
 * @param summary       the action's main columns, or the actions of a scheduled-action change
 * @param substateKey   the substate's key, to name it in the reader's language; null when unknown
 * @param substateName  the substate concerned (of the action, of the change, of the timer)
 * @param trigger       for an action: OPEN, CLOSE, SCHEDULED, PROCESS or MANUAL
 * @param status        for an action: where its execution stands
 * @param reason        for an action: why it failed (code, parameters, English text); null when none
 * @param nextAttemptAt for an action that waits or retries: when the engine runs it next; null when unknown or now
 * @param by            who did it, for what a person did (a manual change, a cancel, a reschedule)
 * @param dueAt         for a rescheduled action: its new time
 * @param historyLink   the action's row in the action history ({@code /account/history?tab=…&row=…}); null otherwise
 */
public record TimelineEntry(
        Kind kind,
        Instant at,
        String action,
        String title,
        String summary,
        String substateKey,
        String substateName,
        String trigger,
        ActionStatus status,
        Reason reason,
        Instant nextAttemptAt,
        String by,
        Instant dueAt,
        String historyLink) {

    /** The kinds of lines. */
    public enum Kind { ACTION, SUBSTATE_OPENED, SUBSTATE_CLOSED, SCHEDULED_ACTION_CANCELLED, SCHEDULED_ACTION_MOVED }
}
