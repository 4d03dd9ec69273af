package com.flowstate.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/** Deploy-time checks of what a flow's actions refer to: beans, substates, templates, accounts. */
final class FlowReferenceChecks {

    private static final Logger log = LoggerFactory.getLogger(FlowReferenceChecks.class);
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{\\s*(\\w+)\\s*}");

    private final ListableBeanFactory beans;
    private final ObjectProvider<FlowActions> actions;

    FlowReferenceChecks(ListableBeanFactory beans, ObjectProvider<FlowActions> actions) {
        this.beans = beans;
        this.actions = actions;
    }

    /**
     * The action a delegate expression names, if it names one. A delegate expression that names a bean must name one
     * that exists.
     */
    Optional<String> actionNamedBy(String activityId, String delegateExpression, Element xml) {
        Matcher bean = delegateExpression == null ? null : BEAN_EXPRESSION.matcher(delegateExpression.strip());
        if (bean == null || !bean.matches()) {
            return Optional.empty();
        }
        String name = bean.group(1);
        if (!beans.containsBean(name)) {
            throw new FlowModelException(activityId, "unknown action '" + name + "' in "
                    + delegateExpression + " (known actions: " + knownActions() + ")", xml);
        }
        return actions.getObject().isAction(name) ? Optional.of(name) : Optional.empty();
    }

    /** Checks every action of a parsed flow once its substates are known. */
    void verify(ScopeImpl process, String deploymentId, Element xml) {
        FlowActions checks = actions.getObject();
        Set<String> substates = substateKeys(process);
        DeploymentEntity deployment = Context.getCommandContext().getDbEntityManager()
                .getCachedEntity(DeploymentEntity.class, deploymentId);
        boolean newDeployment = deployment != null && deployment.isNew();
        boolean strict = newDeployment && !isStartupDeployment(deployment);
        for (ActionDefinition action : actions(process)) {
            checks.modelProblems(action, substates).stream().findFirst().ifPresent(problem -> {
                throw new FlowModelException(action.activityId(), problem, xml);
            });
            if (!newDeployment) {
                continue;
            }
            for (String problem : checks.dataProblems(action)) {
                if (strict) {
                    throw new FlowModelException(action.activityId(), problem, xml);
                }
                log.warn("Flow {}: element '{}': {}", deployment.getName(), action.activityId(), problem);
            }
        }
    }

    private static boolean isStartupDeployment(DeploymentEntity deployment) {
        return FlowFilesDeployment.NAME.equals(deployment.getName());
    }

    private String knownActions() {
        return actions.getObject().names().stream().sorted().map(name -> "${" + name + "}")
                .collect(Collectors.joining(", "));
    }

    private static List<ActionDefinition> actions(ScopeImpl scope) {
        List<ActionDefinition> actions = new ArrayList<>();
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getProperty(FlowModelParseListener.ACTION_PROPERTY) instanceof ActionDefinition action) {
                actions.add(action);
            }
            actions.addAll(actions(activity));
        }
        return actions;
    }

    private static Set<String> substateKeys(ScopeImpl scope) {
        Set<String> keys = new java.util.HashSet<>();
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getProperty(FlowModelParseListener.SUBSTATE_WAIT_PROPERTY) instanceof SubstateWait wait) {
                keys.add(wait.substateKey());
            }
            keys.addAll(substateKeys(activity));
        }
        return keys;
    }
}
