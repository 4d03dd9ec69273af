package com.flowstate.flow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Teaches the engine the substate-change job ({@link SubstateChangeJobs}) and how its failures are recorded. */
@Component
class SubstateChangeEnginePlugin extends AbstractProcessEnginePlugin {

    private final ApplicationEventPublisher events;

    SubstateChangeEnginePlugin(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<JobHandler> jobHandlers = new ArrayList<>(nullToEmpty(configuration.getCustomJobHandlers()));
        jobHandlers.add(new SubstateChangeJobHandler(events));
        configuration.setCustomJobHandlers(jobHandlers);

        List<HistoryEventHandler> historyHandlers = new ArrayList<>(nullToEmpty(configuration.getCustomHistoryEventHandlers()));
        historyHandlers.add(new SubstateChangeJobFailures(events));
        configuration.setCustomHistoryEventHandlers(historyHandlers);
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
