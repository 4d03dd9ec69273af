package com.flowstate.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * Which deployed flows refer to a piece of configuration (a template, an SMTP account) through an action's literal
 * parameter, so that configuration is not deleted from under them. It reads the actions the parse listener attached
 * to the latest version of every process (what new opportunities run); the processes behind scheduled actions
 * ({@link ScheduledActions}) are not designers' flows and are left out.
 */
@Service
public class DeployedFlowReferences {

    private final RepositoryService repository;

    DeployedFlowReferences(RepositoryService repository) {
        this.repository = repository;
    }

    /**
     * The flows (their names, or keys when unnamed, sorted) whose latest version has an action {@code actionName}
     * with parameter {@code parameter} written as {@code value}.
     */
    public List<String> flowsUsing(String actionName, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<String> schedules = repository.createDeploymentQuery().deploymentSource(ScheduledActions.DEPLOYMENT_SOURCE)
                .list().stream().map(Deployment::getId).collect(Collectors.toSet());
        List<String> flows = new ArrayList<>();
        for (ProcessDefinition latest : repository.createProcessDefinitionQuery().latestVersion().list()) {
            if (schedules.contains(latest.getDeploymentId())) {
                continue;
            }
            ProcessDefinitionEntity definition = (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository)
                    .getDeployedProcessDefinition(latest.getId());
            if (uses(definition, actionName, parameter, value.strip())) {
                flows.add(latest.getName() == null || latest.getName().isBlank() ? latest.getKey()
                        : latest.getName());
            }
        }
        return flows.stream().sorted().toList();
    }

    private static boolean uses(ScopeImpl scope, String actionName, String parameter, String value) {
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getProperty(FlowModelParseListener.ACTION_PROPERTY) instanceof ActionDefinition action
                    && action.action().equals(actionName) && action.parameter(parameter) != null
                    && action.parameter(parameter).strip().equals(value)) {
                return true;
            }
            if (uses(activity, actionName, parameter, value)) {
                return true;
            }
        }
        return false;
    }
}
