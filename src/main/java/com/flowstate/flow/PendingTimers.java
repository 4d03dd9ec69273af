package com.flowstate.flow;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;

/**
 * The timers of one opportunity's flow that have not fired yet ("4 days after opening, send a reminder"), and the
 * two things a person may do with one: cancel it (the engine's timer job is deleted, so it never fires; the substate
 * stays open) or move it to another time. The callers check who may; here only the engine's side lives.
 */
@Service
public class PendingTimers {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final RepositoryService repository;

    PendingTimers(ManagementService management, RuntimeService runtime, RepositoryService repository) {
        this.management = management;
        this.runtime = runtime;
        this.repository = repository;
    }

    /** The timers of a process instance that have not fired, soonest first. */
    public List<PendingTimer> of(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).timers().list();
        if (jobs.isEmpty()) {
            return List.of();
        }
        Map<String, String> activityOfDefinition = new HashMap<>();
        for (JobDefinition definition : management.createJobDefinitionQuery()
                .processDefinitionId(jobs.get(0).getProcessDefinitionId()).list()) {
            activityOfDefinition.put(definition.getId(), definition.getActivityId());
        }
        ProcessDefinitionEntity model = definition(jobs.get(0).getProcessDefinitionId());
        List<PendingTimer> timers = new ArrayList<>();
        for (Job job : jobs) {
            ActivityImpl timer = model.findActivity(activityOfDefinition.get(job.getJobDefinitionId()));
            if (timer != null) {
                timers.add(describe(job, timer));
            }
        }
        timers.sort(Comparator.comparing(PendingTimer::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return timers;
    }

    /** One pending timer of the process instance; empty when it fired, was cancelled or is another's. */
    public Optional<PendingTimer> find(String processInstanceId, String jobId) {
        return of(processInstanceId).stream().filter(timer -> timer.jobId().equals(jobId)).findFirst();
    }

    /**
     * Cancels a pending timer: its job is deleted, so its actions never run. The substate stays open; opening the
     * substate again later starts a new timer, as the model says.
     *
     * @throws TimerNotPendingException when the timer is not a pending one of this instance, or is firing right now
     */
    public PendingTimer cancel(String processInstanceId, String jobId) {
        PendingTimer timer = require(processInstanceId, jobId);
        try {
            management.deleteJob(jobId);
        } catch (ProcessEngineException e) {
            // Locked by the job executor: it is firing now, too late to cancel.
            throw new TimerNotPendingException(jobId, true);
        }
        return timer;
    }

    /**
     * Moves a pending timer to another time; its actions then run at that time.
     *
     * @throws IllegalArgumentException  when the new time is not in the future
     * @throws TimerNotPendingException when the timer is not a pending one of this instance
     */
    public PendingTimer reschedule(String processInstanceId, String jobId, Instant dueAt) {
        if (dueAt == null || !dueAt.isAfter(Instant.now())) {
            throw new IllegalArgumentException("dueAt: the new time must be in the future");
        }
        PendingTimer timer = require(processInstanceId, jobId);
        management.setJobDuedate(jobId, Date.from(dueAt));
        return timer;
    }

    /**
     * When each waiting action job of the instance runs next (job id → due time): a retrying action's next attempt.
     * Jobs due "as soon as possible" are left out.
     */
    public Map<String, Instant> nextAttempts(String processInstanceId) {
        Map<String, Instant> due = new HashMap<>();
        if (processInstanceId == null) {
            return due;
        }
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).messages().list()) {
            if (job.getDuedate() != null) {
                due.put(job.getId(), job.getDuedate().toInstant());
            }
        }
        return due;
    }

    /** Whether the process instance still runs (an ended flow has no timers and no open substates). */
    public boolean isRunning(String processInstanceId) {
        return processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    private PendingTimer require(String processInstanceId, String jobId) {
        return find(processInstanceId, jobId).orElseThrow(() -> new TimerNotPendingException(jobId, false));
    }

    private static PendingTimer describe(Job job, ActivityImpl timer) {
        List<ActionDefinition> actions = actionsStartedBy(timer);
        String substateKey = actions.isEmpty() ? substateKeyAround(timer) : actions.get(0).substateKey();
        String substateName = actions.isEmpty() ? substateKey : actions.get(0).substateName();
        return new PendingTimer(job.getId(), timer.getId(), timer.getName() == null ? timer.getId() : timer.getName(),
                substateKey, substateName, job.getDuedate() == null ? null : job.getDuedate().toInstant(), actions);
    }

    /** The actions reachable from the timer along its sequence flows, nested ones included. */
    static List<ActionDefinition> actionsStartedBy(ActivityImpl timer) {
        List<ActionDefinition> actions = new ArrayList<>();
        Set<ActivityImpl> seen = new HashSet<>();
        var queue = new ArrayDeque<ActivityImpl>(List.of(timer));
        while (!queue.isEmpty()) {
            ActivityImpl next = queue.poll();
            if (!seen.add(next)) {
                continue;
            }
            collectActions(next, actions);
            for (PvmTransition transition : next.getOutgoingTransitions()) {
                queue.add((ActivityImpl) transition.getDestination());
            }
        }
        return actions;
    }

    private static void collectActions(ActivityImpl activity, List<ActionDefinition> into) {
        if (activity.getProperty(FlowModelParseListener.ACTION_PROPERTY) instanceof ActionDefinition action) {
            into.add(named(action, activity));
        }
        for (ActivityImpl child : activity.getActivities()) {
            collectActions(child, into);
        }
    }

    /**
     * The action with the task's name as the BPMN gives it: the parse listener reads the service task before the
     * engine has set the name on it.
     */
    static ActionDefinition named(ActionDefinition action, ActivityImpl activity) {
        return action.activityName() != null || activity.getName() == null ? action
                : new ActionDefinition(action.action(), action.activityId(), activity.getName(), action.substateKey(),
                        action.substateName(), action.trigger(), action.parameters());
    }

    private static String substateKeyAround(ActivityImpl activity) {
        for (ScopeImpl scope = activity.getFlowScope(); scope instanceof ActivityImpl parent;
             scope = parent.getFlowScope()) {
            if (parent.getId().startsWith(FlowModelParseListener.SUBSTATE_PREFIX)) {
                return parent.getId().substring(FlowModelParseListener.SUBSTATE_PREFIX.length());
            }
        }
        return null;
    }

    private ProcessDefinitionEntity definition(String processDefinitionId) {
        return (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository)
                .getDeployedProcessDefinition(processDefinitionId);
    }
}
