package com.flowstate.flow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * The actions of every deployed process's latest version (the one new instances start on), as the engine parsed
 * them: what configuration a flow names right now, so that configuration is not deleted from under it.
 */
@Service
public class DeployedFlowActions {

    private final RepositoryService repository;

    DeployedFlowActions(RepositoryService repository) {
        this.repository = repository;
    }

    /** Each action of each latest version, with the flow it belongs to. */
    public List<DeployedFlowAction> ofLatestVersions() {
        List<DeployedFlowAction> found = new ArrayList<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            ProcessDefinitionEntity model = (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository)
                    .getDeployedProcessDefinition(definition.getId());
            collect(model, definition, found);
        }
        return found;
    }

    private static void collect(ScopeImpl scope, ProcessDefinition definition, List<DeployedFlowAction> found) {
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getProperty(FlowModelParseListener.ACTION_PROPERTY) instanceof ActionDefinition action) {
                found.add(new DeployedFlowAction(definition.getKey(),
                        definition.getName() == null ? definition.getKey() : definition.getName(),
                        definition.getVersion(), action));
            }
            collect(activity, definition, found);
        }
    }

    /**
     * One action of a deployed flow.
     *
     * @param flowKey  the process key
     * @param flowName its name, or the key when it has none
     * @param version  the latest version's number
     */
    public record DeployedFlowAction(String flowKey, String flowName, int version, ActionDefinition action) {

        /** How a person recognises the flow: {@code "Installation flow" (InstallationFlow v3)}. */
        public String flowLabel() {
            return "\"" + flowName + "\" (" + flowKey + " v" + version + ")";
        }
    }
}
