package com.flowstate.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.flowstate.action.ActionReruns;
import com.flowstate.flow.ActionProperties;

/** Teaches the engine the retry/resend job ({@link ActionRetryJobs}) and how its failed attempts are recorded. */
@Component
class RetryEnginePlugin extends AbstractProcessEnginePlugin {

    private final ApplicationEventPublisher events;
    private final ObjectProvider<RetryRunner> runner;
    private final ObjectProvider<ActionReruns> reruns;
    private final int attempts;
    private final Duration backOff;

    RetryEnginePlugin(ApplicationEventPublisher events, ObjectProvider<RetryRunner> runner,
                      ObjectProvider<ActionReruns> reruns, ActionProperties properties) {
        this.events = events;
        this.runner = runner;
        this.reruns = reruns;
        this.attempts = properties.attempts();
        this.backOff = backOff(properties.retryCycle());
    }

    /** The first interval of the retry cycle ({@code R3/PT30S} → 30 s; {@code R3/PT1M,PT5M} → 1 min). */
    static Duration backOff(String retryCycle) {
        String intervals = retryCycle.substring(retryCycle.indexOf('/') + 1);
        return Duration.parse(intervals.split(",")[0].strip());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<JobHandler> jobHandlers = new ArrayList<>(nullToEmpty(configuration.getCustomJobHandlers()));
        jobHandlers.add(new ActionRetryJobHandler(runner, attempts));
        configuration.setCustomJobHandlers(jobHandlers);

        List<HistoryEventHandler> historyHandlers =
                new ArrayList<>(nullToEmpty(configuration.getCustomHistoryEventHandlers()));
        historyHandlers.add(new ActionRetryJobFailures(events, reruns, backOff));
        configuration.setCustomHistoryEventHandlers(historyHandlers);
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
