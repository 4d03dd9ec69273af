package com.flowstate.flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * Which deployed flows name a piece of configuration (an e-mail, report or export template, an SMTP account) as a
 * literal action parameter, so it is not deleted or renamed while a flow would still use it. A flow counts when its
 * latest version names it (new opportunities start there) or an older version that opportunities still run on (their
 * next action would fail). An expression ({@code ${…}}) names nothing until it runs, so it is not counted; the
 * processes behind scheduled actions ({@link ScheduledActions}) belong to the configuration they run, not to
 * designers, and are left out.
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
     * The flows, one per key sorted by name, whose actions {@code action} (the bean name, e.g. {@code sendEmailAction})
     * have {@code parameter} written literally as {@code value} (both compared stripped). None for a blank value.
     */
    public List<FlowReference> flowsUsing(String action, String parameter, String value) {
        return flowsNaming(definition -> action.equals(definition.action()), parameter, value);
    }

    /** The names of {@link #flowsUsing(String, String, String)}: how a message that refuses a delete names them. */
    public List<String> namesOfFlowsUsing(String action, String parameter, String value) {
        return flowsUsing(action, parameter, value).stream().map(FlowReference::name).toList();
    }

    /**
     * As {@link #flowsUsing(String, String, String)}, whatever the action: for a parameter several actions share
     * (the e-mail and report actions both name their SMTP account in {@code smtpCredential}).
     */
    public List<FlowReference> flowsUsing(String parameter, String value) {
        return flowsNaming(definition -> true, parameter, value);
    }

    private List<FlowReference> flowsNaming(Predicate<ActionDefinition> action, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Predicate<ActionDefinition> naming = action.and(definition -> names(definition.parameter(parameter), value));
        Set<String> schedules = repository.createDeploymentQuery().deploymentSource(ScheduledActions.DEPLOYMENT_SOURCE)
                .list().stream().map(Deployment::getId).collect(Collectors.toSet());
        List<FlowReference> flows = new ArrayList<>();
        ProcessDefinition latest = null;
        boolean found = false;
        // Latest version of each key first, then its older ones: one pass, no query for the latest per definition.
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
                .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list()) {
            boolean isLatest = latest == null || !latest.getKey().equals(definition.getKey());
            if (isLatest) {
                latest = definition;
                found = false;
            }
            if (found || schedules.contains(definition.getDeploymentId())
                    || !isLatest && !hasInstances(definition)) {
                continue;
            }
            if (uses(model(definition), naming)) {
                flows.add(reference(latest));
                found = true;
            }
        }
        flows.sort(Comparator.comparing(FlowReference::name).thenComparing(FlowReference::key));
        return List.copyOf(flows);
    }

    /** A literal parameter names the value; an expression, or no parameter, names nothing. */
    private static boolean names(String parameter, String value) {
        return parameter != null && !FlowExpressionCheck.isExpression(parameter)
                && parameter.strip().equals(value.strip());
    }

    private boolean hasInstances(ProcessDefinition definition) {
        return runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count() > 0;
    }

    private ProcessDefinitionEntity model(ProcessDefinition definition) {
        return (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository)
                .getDeployedProcessDefinition(definition.getId());
    }

    private static boolean uses(ScopeImpl scope, Predicate<ActionDefinition> naming) {
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getProperty(FlowModelParseListener.ACTION_PROPERTY) instanceof ActionDefinition definition
                    && naming.test(definition)) {
                return true;
            }
            if (uses(activity, naming)) {
                return true;
            }
        }
        return false;
    }

    private static FlowReference reference(ProcessDefinition latest) {
        String name = latest.getName() == null || latest.getName().isBlank() ? latest.getKey() : latest.getName();
        return new FlowReference(latest.getKey(), name, latest.getVersion());
    }
}
