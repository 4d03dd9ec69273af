package com.flowstate.flow;

import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A substate-change job that threw (an optimistic-locking clash with a user or another node, a database error)
 * counts as a failed attempt of the action that asked for it: its history row gets the error and, once the engine
 * gives up, false. Like {@link EngineHistoryBridge}, it sees every history event and lets almost all pass.
 */
final class SubstateChangeJobFailures implements HistoryEventHandler {

    private final ApplicationEventPublisher events;

    SubstateChangeJobFailures(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!(event instanceof HistoricJobLogEvent log) || !log.isFailureLog()
                || !SubstateChangeJobs.TYPE.equals(log.getJobDefinitionType())) {
            return;
        }
        JobEntity job = Context.getCommandContext().getJobManager().findJobById(log.getJobId());
        if (job == null) {
            return;
        }
        var change = SubstateChangeJobHandler.Change.parse(job.getJobHandlerConfigurationRaw());
        FlowModel.action(log.getProcessDefinitionId(), change.activityId()).ifPresent(action ->
                events.publishEvent(new ActionAttemptFailed(change.executionKey(), action, log.getJobExceptionMessage(),
                        log.getJobRetries() > 0, log.getTimestamp().toInstant())));
    }

    @Override
    public void handleEvents(List<HistoryEvent> historyEvents) {
        historyEvents.forEach(this::handleEvent);
    }
}
