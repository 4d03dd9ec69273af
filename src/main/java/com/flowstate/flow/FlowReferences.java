package com.flowstate.flow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * Which deployed flows name a piece of configuration (an e-mail template, an SMTP account) as a literal action
 * parameter, so it is not deleted while a flow would still use it. A flow counts when its latest version names it,
 * or an older version that opportunities still run on: either can still run the action.
 */
@Service
public class FlowReferences {

    private final RepositoryService repository;
    private final RuntimeService runtime;

    FlowReferences(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    /**
     * The flows (process keys, sorted) whose actions of kind {@code action} (the bean name, e.g.
     * {@code sendEmailAction}) have {@code parameter} set to exactly {@code value}. A parameter written as an
     * expression ({@code ${…}}) names nothing until it runs, so it is not counted.
     */
    public List<String> flowsUsing(String action, String parameter, String value) {
        Set<String> flows = new LinkedHashSet<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
                .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list()) {
            if (flows.contains(definition.getKey()) || !stillRuns(definition)) {
                continue;
            }
            if (uses(model(definition.getId()), action, parameter, value)) {
                flows.add(definition.getKey());
            }
        }
        return List.copyOf(flows);
    }

    private boolean stillRuns(ProcessDefinition definition) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery()
                .processDefinitionKey(definition.getKey()).latestVersion().singleResult();
        return latest != null && latest.getId().equals(definition.getId())
                || runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count() > 0;
    }

    private ProcessDefinitionEntity model(String definitionId) {
        return (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository).getDeployedProcessDefinition(definitionId);
    }

    private static boolean uses(ScopeImpl scope, String action, String parameter, String value) {
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getProperty(FlowModelParseListener.ACTION_PROPERTY) instanceof ActionDefinition definition
                    && action.equals(definition.action()) && value.equals(strip(definition.parameter(parameter)))) {
                return true;
            }
            if (uses(activity, action, parameter, value)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
