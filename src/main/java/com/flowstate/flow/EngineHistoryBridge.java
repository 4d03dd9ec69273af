package com.flowstate.flow;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.jobexecutor.AsyncContinuationJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Runs beside Camunda's own database history handler and turns the few engine history events Flowstate cares about
 * into its own events ({@link ActionScheduled}, {@link ActionAttemptFailed}, {@link SubstateOpened}…), which the
 * action-history projections handle synchronously, in the engine's transaction.
 *
 * <p>Job failures reach it in the transaction the engine opens after rolling back a failed attempt, so a failed
 * attempt is recorded although everything the attempt wrote is gone. It must stay cheap: it sees every history
 * event of the engine and lets almost all of them pass after an {@code instanceof}.
 */
final class EngineHistoryBridge implements HistoryEventHandler {

    private final ApplicationEventPublisher events;

    EngineHistoryBridge(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricJobLogEvent job) {
            onJob(job);
        } else if (event instanceof HistoricActivityInstanceEventEntity activity) {
            onActivity(activity);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> historyEvents) {
        historyEvents.forEach(this::handleEvent);
    }

    private void onJob(HistoricJobLogEvent job) {
        if (!AsyncContinuationJobHandler.TYPE.equals(job.getJobDefinitionType())) {
            return;
        }
        Optional<ActionDefinition> action = FlowModel.action(job.getProcessDefinitionId(), job.getActivityId());
        if (action.isEmpty()) {
            return;
        }
        var at = job.getTimestamp().toInstant();
        if (job.isCreationLog()) {
            opportunityOf(job.getProcessInstanceId()).ifPresent(opportunityId -> events.publishEvent(
                    new ActionScheduled(job.getJobId(), opportunityId, job.getProcessInstanceId(), action.get(), at)));
        } else if (job.isFailureLog()) {
            events.publishEvent(new ActionAttemptFailed(job.getJobId(), action.get(), job.getJobExceptionMessage(),
                    job.getJobRetries() > 0, at));
        } else if (job.isDeletionLog()) {
            events.publishEvent(new ActionCancelled(job.getJobId(), action.get(), at));
        }
    }

    private void onActivity(HistoricActivityInstanceEventEntity activity) {
        boolean start = activity.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_START);
        boolean end = activity.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END);
        if (!(start || end) || !isWaitStateType(activity.getActivityType())) {
            return;
        }
        FlowModel.substateWait(activity.getProcessDefinitionId(), activity.getActivityId()).ifPresent(wait ->
                opportunityOf(activity.getProcessInstanceId()).ifPresent(opportunityId -> {
                    if (start) {
                        events.publishEvent(new SubstateOpened(activity.getActivityInstanceId(), opportunityId,
                                wait.substateKey(), wait.substateName(), activity.getStartTime().toInstant()));
                    } else {
                        events.publishEvent(new SubstateClosed(activity.getActivityInstanceId(), opportunityId,
                                wait.substateKey(), activity.getEndTime().toInstant()));
                    }
                }));
    }

    private static boolean isWaitStateType(String activityType) {
        return "receiveTask".equals(activityType) || "userTask".equals(activityType);
    }

    /** The opportunity is the process instance's business key; flows started by anything else are not tracked. */
    private static Optional<Long> opportunityOf(String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        ExecutionEntity instance = Context.getCommandContext().getExecutionManager()
                .findExecutionById(processInstanceId);
        return Optional.ofNullable(instance == null ? null : Opportunities.ofBusinessKey(instance.getBusinessKey()));
    }
}
