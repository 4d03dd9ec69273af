package com.flowstate.retry;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

import com.flowstate.action.ActionReruns;
import com.flowstate.flow.ActionAttemptFailed;

/**
 * An attempt of a retry or resend job that threw rolled back; the engine records the failure in a transaction of
 * its own, and this turns it into the same {@link ActionAttemptFailed} the flow's action jobs produce, so the row's
 * counter, status and reason and the attempt log are kept exactly as for them. It sees every history event of the
 * engine and lets almost all pass after an {@code instanceof}.
 */
final class ActionRetryJobFailures implements HistoryEventHandler {

    private final ApplicationEventPublisher events;
    private final ObjectProvider<ActionReruns> reruns;
    private final Duration backOff;

    ActionRetryJobFailures(ApplicationEventPublisher events, ObjectProvider<ActionReruns> reruns, Duration backOff) {
        this.events = events;
        this.reruns = reruns;
        this.backOff = backOff;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!(event instanceof HistoricJobLogEvent log) || !log.isFailureLog()
                || !ActionRetryJobs.TYPE.equals(log.getJobDefinitionType())) {
            return;
        }
        JobEntity job = Context.getCommandContext().getJobManager().findJobById(log.getJobId());
        if (job == null) {
            return;
        }
        if (log.getJobRetries() > 0) {
            // A job without an activity gets the engine's standard strategy, which retries at once: the retry cycle's
            // back-off is applied here, in the same command, so the flow's and the retry's attempts wait alike.
            job.setDuedate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(backOff)));
        }
        var rerun = ActionRetryJobHandler.Rerun.parse(job.getJobHandlerConfigurationRaw());
        reruns.getObject().definition(rerun.executionKey()).ifPresent(action -> events.publishEvent(
                new ActionAttemptFailed(rerun.executionKey(), action, log.getJobExceptionMessage(),
                        log.getJobRetries() > 0, log.getTimestamp().toInstant())));
    }

    @Override
    public void handleEvents(List<HistoryEvent> historyEvents) {
        historyEvents.forEach(this::handleEvent);
    }
}
