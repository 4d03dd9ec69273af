package com.flowstate.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wires Flowstate into the engine: the substate contract is read and the flow's safety checked at deploy time,
 * expressions resolve only the allow-listed beans, every deployment is recorded, the history bridge runs beside
 * Camunda's own history handler, and failed action attempts are retried on the configured cycle.
 */
@Component
class FlowEnginePlugin extends AbstractProcessEnginePlugin {

    private final ApplicationEventPublisher events;
    private final ActionProperties actions;
    private final FlowReferenceChecks references;
    private final ApplicationContext context;
    private final FlowExpressionBeans expressionBeans;
    private final FlowModelSafety safety;
    private final ObjectProvider<JdbcClient> jdbc;

    FlowEnginePlugin(ApplicationEventPublisher events, ActionProperties actions, ApplicationContext context,
                     ObjectProvider<FlowActions> flowActions, SafeDeploymentProperties deployments,
                     ObjectProvider<JdbcClient> jdbc) {
        this.events = events;
        this.actions = actions;
        this.context = context;
        this.references = new FlowReferenceChecks(context, flowActions);
        this.expressionBeans = new FlowExpressionBeans(context, flowActions, Set.copyOf(deployments.trustedDelegates()));
        this.safety = new FlowModelSafety(expressionBeans.delegates(), context::containsBean);
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> parseListeners = new ArrayList<>(nullToEmpty(configuration.getCustomPostBPMNParseListeners()));
        parseListeners.add(new FlowModelParseListener(references, safety));
        configuration.setCustomPostBPMNParseListeners(parseListeners);

        // Expressions resolve only the actions and the flow properties, never the whole application context. The
        // Spring starter built its expression manager before the plugins ran, from the beans set then (none): replace
        // it with one over the allow-list. SpringProcessEngineConfiguration then exposes no bean to scripts either.
        configuration.setBeans(expressionBeans);
        configuration.setExpressionManager(new SpringExpressionManager(context, expressionBeans));

        List<Deployer> preDeployers = new ArrayList<>(nullToEmpty(configuration.getCustomPreDeployers()));
        preDeployers.add(new ForeignResourceCheck());
        configuration.setCustomPreDeployers(preDeployers);
        List<Deployer> postDeployers = new ArrayList<>(nullToEmpty(configuration.getCustomPostDeployers()));
        postDeployers.add(new DeploymentRecorder(jdbc, events));
        configuration.setCustomPostDeployers(postDeployers);

        List<HistoryEventHandler> historyHandlers = new ArrayList<>(nullToEmpty(configuration.getCustomHistoryEventHandlers()));
        historyHandlers.add(new EngineHistoryBridge(events));
        configuration.setCustomHistoryEventHandlers(historyHandlers);

        configuration.setFailedJobRetryTimeCycle(actions.retryCycle());
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
