package com.flowstate.flow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Wires Flowstate into the engine: the substate contract is read at deploy time, the history bridge runs beside
 * Camunda's own history handler, and failed action attempts are retried on the configured cycle.
 */
@Component
class FlowEnginePlugin extends AbstractProcessEnginePlugin {

    private final ApplicationEventPublisher events;
    private final ActionProperties actions;
    private final FlowReferenceChecks references;

    FlowEnginePlugin(ApplicationEventPublisher events, ActionProperties actions, ListableBeanFactory beans,
                     ObjectProvider<FlowActions> flowActions) {
        this.events = events;
        this.actions = actions;
        this.references = new FlowReferenceChecks(beans, flowActions);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> parseListeners = new ArrayList<>(nullToEmpty(configuration.getCustomPostBPMNParseListeners()));
        parseListeners.add(new FlowModelParseListener(references));
        configuration.setCustomPostBPMNParseListeners(parseListeners);

        List<HistoryEventHandler> historyHandlers = new ArrayList<>(nullToEmpty(configuration.getCustomHistoryEventHandlers()));
        historyHandlers.add(new EngineHistoryBridge(events));
        configuration.setCustomHistoryEventHandlers(historyHandlers);

        configuration.setFailedJobRetryTimeCycle(actions.retryCycle());
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
