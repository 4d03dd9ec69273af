package com.flowstate.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.ActionExecution;
import com.flowstate.action.ActionTimeline;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.FlowDiagram;
import com.flowstate.flow.FlowDiagrams;
import com.flowstate.flow.PendingTimer;
import com.flowstate.flow.PendingTimers;
import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.OpenSubstate;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityNotFoundException;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.opportunity.SubstateSpell;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.Role;
import com.flowstate.security.PartnerScope;

/**
 * Everything the opportunity page shows, within the caller's partner scope: an opportunity outside it is "not
 * found", exactly like one that does not exist, for every part (timeline, diagram, scheduled actions) and every
 * change. The same methods serve the Vaadin page and the REST API.
 */
@Service
public class OpportunityWorkspace {

    /** The timeline's first page; "show more" asks for more. */
    public static final int TIMELINE_PAGE = 200;

    private final OpportunityService opportunities;
    private final ActionTimeline actions;
    private final PendingTimers timers;
    private final FlowDiagrams diagrams;
    private final ScheduledActionChanges changes;

    OpportunityWorkspace(OpportunityService opportunities, ActionTimeline actions, PendingTimers timers,
                         FlowDiagrams diagrams, ScheduledActionChanges changes) {
        this.opportunities = opportunities;
        this.actions = actions;
        this.timers = timers;
        this.diagrams = diagrams;
        this.changes = changes;
    }

    /**
     * The opportunity, if the scope lets the user see it.
     *
     * @throws OpportunityNotFoundException otherwise (or when it does not exist)
     */
    @Transactional(readOnly = true)
    public Opportunity opportunity(PartnerScope scope, long id) {
        return opportunities.get(scope, id);
    }

    /**
     * The opportunity's timeline, newest first: every execution of every action, each time a substate opened or
     * closed, and every cancelled or moved scheduled action; at most {@code limit} lines.
     */
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(PartnerScope scope, long id, int limit) {
        Opportunity opportunity = opportunity(scope, id);
        int max = Math.min(Math.max(limit, 1), ActionTimeline.MAX_LIMIT);
        Map<String, Instant> nextAttempts = timers.nextAttempts(opportunity.processInstanceId());
        Map<String, ActionDefinition> modelled = diagrams.actionsOf(opportunity.processInstanceId());
        List<TimelineEntry> entries = new ArrayList<>();
        for (ActionExecution execution : actions.of(scope, id, max)) {
            ActionDefinition definition = execution.activityId() == null ? null
                    : modelled.get(execution.activityId());
            boolean waiting = execution.status() == ActionStatus.SCHEDULED
                    || execution.status() == ActionStatus.RETRYING || execution.status() == ActionStatus.RUNNING;
            entries.add(new TimelineEntry(TimelineEntry.Kind.ACTION, execution.createdAt(), execution.action(),
                    definition == null ? null : definition.activityName(), execution.summary(), execution.substateKey(),
                    execution.substateName(), execution.trigger(), execution.status(), execution.reason(),
                    waiting ? nextAttempts.get(execution.executionKey()) : null, null, null,
                    historyLink(execution.tabKey(), id, execution.rowId())));
        }
        for (SubstateSpell spell : opportunities.substateLog(scope, id, max)) {
            if (spell.closedAt() != null) {
                entries.add(substate(TimelineEntry.Kind.SUBSTATE_CLOSED, spell.closedAt(), spell.key(), spell.name()));
            }
            entries.add(substate(TimelineEntry.Kind.SUBSTATE_OPENED, spell.openedAt(), spell.key(), spell.name()));
        }
        for (ScheduledActionChanges.Change change : changes.latest(id, max)) {
            boolean cancel = "CANCEL".equals(change.changeType());
            entries.add(new TimelineEntry(cancel ? TimelineEntry.Kind.SCHEDULED_ACTION_CANCELLED
                    : TimelineEntry.Kind.SCHEDULED_ACTION_MOVED, change.changedAt(), null, null, change.actions(),
                    null, change.substateName(), null, null, null, null, change.changedBy(), change.dueAfter(), null));
        }
        return entries.stream()
                .sorted(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(max)
                .toList();
    }

    /** The opportunity's pending scheduled actions, soonest first. */
    @Transactional(readOnly = true)
    public List<ScheduledAction> scheduledActions(PartnerScope scope, long id) {
        Opportunity opportunity = opportunity(scope, id);
        return timers.of(opportunity.processInstanceId()).stream().map(OpportunityWorkspace::scheduledAction).toList();
    }

    /**
     * Cancels a pending scheduled action: it never fires. Who did it is recorded, and the timeline shows it.
     *
     * @throws com.flowstate.flow.TimerNotPendingException when it is not pending on this opportunity (any more)
     */
    @Transactional
    public ScheduledAction cancel(PartnerScope scope, long id, String scheduledActionId) {
        Opportunity opportunity = opportunity(scope, id);
        requirePlatformStaff();
        PendingTimer timer = timers.cancel(opportunity.processInstanceId(), scheduledActionId);
        ScheduledAction cancelled = scheduledAction(timer);
        changes.record(id, timer, String.join(", ", cancelled.actions()), null, CurrentUser.require().getUsername());
        return cancelled;
    }

    /**
     * Moves a pending scheduled action to another time. Who did it is recorded, and the timeline shows it.
     *
     * @throws IllegalArgumentException                    when the time is not in the future
     * @throws com.flowstate.flow.TimerNotPendingException when it is not pending on this opportunity (any more)
     */
    @Transactional
    public ScheduledAction reschedule(PartnerScope scope, long id, String scheduledActionId, Instant dueAt) {
        Opportunity opportunity = opportunity(scope, id);
        requirePlatformStaff();
        PendingTimer timer = timers.reschedule(opportunity.processInstanceId(), scheduledActionId, dueAt);
        ScheduledAction before = scheduledAction(timer);
        changes.record(id, timer, String.join(", ", before.actions()), dueAt, CurrentUser.require().getUsername());
        return new ScheduledAction(before.id(), before.timerId(), before.timerName(), before.substateName(), dueAt,
                before.actions());
    }

    /**
     * The picture of the opportunity's flow: its BPMN, its open substates, each action's latest outcome.
     *
     * @throws OpportunityNotFoundException when out of scope or unknown
     * @throws NoDiagramException           when the opportunity runs no flow
     */
    @Transactional(readOnly = true)
    public DiagramPicture diagram(PartnerScope scope, long id) {
        Opportunity opportunity = opportunity(scope, id);
        // An opportunity from before flows were recorded has no diagram: nothing to draw, like nothing to see.
        FlowDiagram diagram = diagrams.of(opportunity.processInstanceId())
                .orElseThrow(() -> new NoDiagramException(id));
        List<String> open = opportunities.openSubstates(scope, id).stream().map(OpenSubstate::key)
                .map(diagram.substateElements()::get).filter(element -> element != null).toList();
        Map<String, String> marks = new LinkedHashMap<>();
        // Newest first: the first execution seen of a task is its latest outcome.
        for (ActionExecution execution : actions.of(scope, id, ActionTimeline.MAX_LIMIT)) {
            if (execution.activityId() != null && diagram.actionElements().containsKey(execution.activityId())) {
                marks.putIfAbsent(execution.activityId(), mark(execution.status()));
            }
        }
        for (PendingTimer timer : timers.of(opportunity.processInstanceId())) {
            for (ActionDefinition action : timer.actions()) {
                marks.merge(action.activityId(), "scheduled",
                        (was, pending) -> "retrying".equals(was) ? was : pending);
            }
        }
        return new DiagramPicture(diagram.xml(), open, marks);
    }

    /**
     * Cancelling and moving scheduled actions is the platform's work, like moving substates. Checked after the
     * scope, so another partner's opportunity is "not found" (404) and only one's own is "not allowed" (403).
     */
    private static void requirePlatformStaff() {
        FlowstateUser user = CurrentUser.require();
        if (!user.hasRole(Role.ADMIN) && !user.hasRole(Role.INTERNAL)) {
            throw new AccessDeniedException("Only platform users may cancel or move a scheduled action");
        }
    }

    /** The history URL of the common contract: the action's tab, this opportunity, that row open. */
    static String historyLink(String tabKey, long opportunityId, long rowId) {
        return "/account/history?tab=" + tabKey + "&opportunityId=" + opportunityId + "&row=" + rowId;
    }

    private static String mark(ActionStatus status) {
        return switch (status) {
            case SUCCEEDED -> "done";
            case FAILED -> "failed";
            case RETRYING, RUNNING -> "retrying";
            case SCHEDULED -> "scheduled";
        };
    }

    private static TimelineEntry substate(TimelineEntry.Kind kind, Instant at, String substateKey,
                                          String substateName) {
        return new TimelineEntry(kind, at, null, null, null, substateKey, substateName, null, null, null, null, null,
                null, null);
    }

    private static ScheduledAction scheduledAction(PendingTimer timer) {
        return new ScheduledAction(timer.jobId(), timer.timerId(), timer.timerName(), timer.substateName(),
                timer.dueAt(), timer.actions().stream()
                        .map(action -> action.activityName() == null ? action.activityId() : action.activityName())
                        .collect(Collectors.toList()));
    }
}
