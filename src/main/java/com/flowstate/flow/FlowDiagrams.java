package com.flowstate.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.springframework.stereotype.Service;

/**
 * The deployed BPMN of the flow version a process instance runs, read from the engine's repository: the picture of
 * the opportunity's flow is the very model the engine runs, not a copy that could drift from it.
 */
@Service
public class FlowDiagrams {

    private final RepositoryService repository;
    private final HistoryService history;

    FlowDiagrams(RepositoryService repository, HistoryService history) {
        this.repository = repository;
        this.history = history;
    }

    /** The diagram of the flow version the instance runs (or ran); empty when the instance is unknown. */
    public Optional<FlowDiagram> of(String processInstanceId) {
        return definitionOf(processInstanceId).map(definitionId -> {
            Map<String, String> substates = new LinkedHashMap<>();
            Map<String, ActionDefinition> actions = new LinkedHashMap<>();
            collect(model(definitionId), substates, actions);
            return new FlowDiagram(definitionId, xml(definitionId), substates, actions);
        });
    }

    /** The actions of the flow version the instance runs, by service task id; read from the engine's cache. */
    public Map<String, ActionDefinition> actionsOf(String processInstanceId) {
        return definitionOf(processInstanceId).map(definitionId -> {
            Map<String, ActionDefinition> actions = new LinkedHashMap<>();
            collect(model(definitionId), new LinkedHashMap<>(), actions);
            return actions;
        }).orElse(Map.of());
    }

    private Optional<String> definitionOf(String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        return instance == null ? Optional.empty() : Optional.of(instance.getProcessDefinitionId());
    }

    private ProcessDefinitionEntity model(String definitionId) {
        return (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository).getDeployedProcessDefinition(definitionId);
    }

    private static void collect(ScopeImpl scope, Map<String, String> substates, Map<String, ActionDefinition> actions) {
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getProperty(FlowModelParseListener.SUBSTATE_WAIT_PROPERTY) instanceof SubstateWait wait) {
                substates.put(wait.substateKey(), FlowModelParseListener.SUBSTATE_PREFIX + wait.substateKey());
            }
            if (activity.getProperty(FlowModelParseListener.ACTION_PROPERTY) instanceof ActionDefinition action) {
                actions.put(activity.getId(), PendingTimers.named(action, activity));
            }
            collect(activity, substates, actions);
        }
    }

    private String xml(String processDefinitionId) {
        try (InputStream in = repository.getProcessModel(processDefinitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
