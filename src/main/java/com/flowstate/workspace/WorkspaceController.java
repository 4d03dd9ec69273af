package com.flowstate.workspace;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.flow.TimerNotPendingException;
import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The opportunity page's data over REST: timeline, flow diagram, pending scheduled actions. An opportunity outside
 * the caller's scope answers 404 like an unknown one; partners may read but not cancel or move (403).
 */
@RestController
@RequestMapping("/api/opportunities/{id}")
@Tag(name = "Opportunity page", description = "Timeline, flow diagram and pending scheduled actions of an opportunity")
class WorkspaceController {

    private final OpportunityWorkspace workspace;

    WorkspaceController(OpportunityWorkspace workspace) {
        this.workspace = workspace;
    }

    @GetMapping("/timeline")
    @Operation(summary = "Every substate change and action execution of the opportunity, newest first")
    List<TimelineEntry> timeline(@PathVariable long id,
                                 @RequestParam(defaultValue = "" + OpportunityWorkspace.TIMELINE_PAGE) int limit) {
        return workspace.timeline(CurrentUser.scope(), id, limit);
    }

    @GetMapping("/diagram")
    @Operation(summary = "The deployed BPMN of the opportunity's flow version, its open substates and action marks")
    DiagramPicture diagram(@PathVariable long id) {
        return workspace.diagram(CurrentUser.scope(), id);
    }

    @GetMapping(value = "/diagram.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "The deployed BPMN XML of the opportunity's flow version")
    String diagramXml(@PathVariable long id) {
        return workspace.diagram(CurrentUser.scope(), id).xml();
    }

    @GetMapping("/scheduled-actions")
    @Operation(summary = "Pending scheduled actions (timers not yet fired), soonest first")
    List<ScheduledAction> scheduledActions(@PathVariable long id) {
        return workspace.scheduledActions(CurrentUser.scope(), id);
    }

    @DeleteMapping("/scheduled-actions/{scheduledActionId}")
    @Operation(summary = "Cancel a pending scheduled action: it never fires (ADMIN, INTERNAL)")
    ScheduledAction cancel(@PathVariable long id, @PathVariable String scheduledActionId) {
        return workspace.cancel(CurrentUser.scope(), id, scheduledActionId);
    }

    @PatchMapping("/scheduled-actions/{scheduledActionId}")
    @Operation(summary = "Move a pending scheduled action to another time in the future (ADMIN, INTERNAL)")
    ScheduledAction reschedule(@PathVariable long id, @PathVariable String scheduledActionId,
                               @RequestBody NewDueTime body) {
        if (body == null || body.dueAt() == null) {
            throw new IllegalArgumentException("dueAt: required (ISO-8601 instant, e.g. 2030-01-31T09:00:00Z)");
        }
        return workspace.reschedule(CurrentUser.scope(), id, scheduledActionId, body.dueAt());
    }

    /** @param dueAt when the scheduled action is to fire instead */
    record NewDueTime(Instant dueAt) {
    }

    @ExceptionHandler(NoDiagramException.class)
    ProblemDetail noDiagram(NoDiagramException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(TimerNotPendingException.class)
    ProblemDetail notPending(TimerNotPendingException e) {
        return ProblemDetail.forStatusAndDetail(e.firing() ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND,
                e.getMessage());
    }
}
