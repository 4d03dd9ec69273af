package com.flowstate.flow;

import static org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Reads the substate contract out of every deployed flow and attaches it to the parsed model, where the engine's
 * deployment cache keeps it on every node:
 * <ul>
 *   <li>an embedded sub-process whose id starts with {@code Substate_} is a substate; its single receive or user
 *   task is the wait state that means "open";</li>
 *   <li>an action (a service task bound to an action bean) before the wait state runs on open, after it on close,
 *   inside a timer event sub-process of the substate as scheduled.</li>
 * </ul>
 * A flow that breaks the contract, or whose actions refer to something that does not exist, is refused at deploy
 * time with the element id in the message ({@link FlowReferenceChecks}); so is a flow that would run code of its own
 * choosing instead of Flowstate's actions ({@link FlowModelSafety}).
 */
final class FlowModelParseListener extends AbstractBpmnParseListener {

    static final String ACTION_PROPERTY = "flowstate.action";
    static final String SUBSTATE_WAIT_PROPERTY = "flowstate.substateWait";
    static final String SUBSTATE_PREFIX = "Substate_";
    static final String SUBSTATE_NAMES_PROPERTY = "flowstate.substateNames";

    private final FlowReferenceChecks references;
    private final FlowModelSafety safety;

    FlowModelParseListener(FlowReferenceChecks references, FlowModelSafety safety) {
        this.references = references;
        this.safety = safety;
    }

    /**
     * Once the whole document is read: nothing in it may run code of the flow's choosing ({@link FlowModelSafety}).
     * It runs before any deployer acts on the parsed flow (schedules a start timer, evaluating its expression).
     */
    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
        safety.check(rootElement);
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String delegateExpression = element.attributeNS(CAMUNDA_BPMN_EXTENSIONS_NS, "delegateExpression");
        references.actionNamedBy(activity.getId(), delegateExpression, element)
                .ifPresent(name -> {
                    if (!activity.isAsyncBefore()) {
                        throw new FlowModelException(activity.getId(), "an automatic action must be asynchronous "
                                + "before (camunda:asyncBefore=\"true\") so that it is retried and recorded", element);
                    }
                    activity.setProperty(ACTION_PROPERTY, new ActionDefinition(name, activity.getId(),
                            activity.getName(), null, null, Trigger.PROCESS, inputParameters(element)));
                });
    }

    /** A substate's per-language names, kept on the sub-process until its wait state is placed. */
    @Override
    public void parseSubProcess(Element subProcessElement, ScopeImpl scope, ActivityImpl activity) {
        Map<String, String> names = SubstateNames.fromProperties(subProcessElement);
        if (!names.isEmpty()) {
            activity.setProperty(SUBSTATE_NAMES_PROPERTY, names);
        }
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        requireStorableNames(processDefinition.getKey(), processDefinition.getName(), processElement);
        requireStorableNames(processDefinition, processElement);
        placeSubstates(processDefinition, processElement);
        references.verify(processDefinition, processDefinition.getDeploymentId(), processElement);
    }

    /** Ids and names the engine stores in columns of {@value #STORABLE} characters: longer ones are refused here. */
    private static final int STORABLE = 255;

    private static void requireStorableNames(ScopeImpl scope, Element xml) {
        for (ActivityImpl activity : scope.getActivities()) {
            requireStorableNames(activity.getId(), activity.getName(), xml);
            requireStorableNames(activity, xml);
        }
    }

    private static void requireStorableNames(String id, String name, Element xml) {
        if (id != null && id.length() > STORABLE) {
            throw new FlowModelException(id.substring(0, 40) + "…", "the id is " + id.length()
                    + " characters long; at most " + STORABLE, xml);
        }
        if (name != null && name.length() > STORABLE) {
            throw new FlowModelException(id, "the name is " + name.length() + " characters long; at most "
                    + STORABLE, xml);
        }
    }

    private static Map<String, String> inputParameters(Element element) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Element extensions = element.element("extensionElements");
        Element inputOutput = extensions == null ? null : extensions.elementNS(CAMUNDA_BPMN_EXTENSIONS_NS, "inputOutput");
        if (inputOutput != null) {
            for (Element input : inputOutput.elementsNS(CAMUNDA_BPMN_EXTENSIONS_NS, "inputParameter")) {
                String text = input.getText() == null ? "" : input.getText().strip();
                parameters.put(input.attribute("name"), text);
            }
        }
        return parameters;
    }

    private void placeSubstates(ScopeImpl scope, Element processElement) {
        for (ActivityImpl activity : scope.getActivities()) {
            if (isSubstate(activity)) {
                placeActionsOf(activity, processElement);
            } else if (!activity.getActivities().isEmpty()) {
                placeSubstates(activity, processElement);
            }
        }
    }

    private static boolean isSubstate(ActivityImpl activity) {
        return activity.getId().startsWith(SUBSTATE_PREFIX) && "subProcess".equals(type(activity));
    }

    private void placeActionsOf(ActivityImpl substate, Element processElement) {
        String key = substate.getId().substring(SUBSTATE_PREFIX.length());
        String name = substate.getName() == null ? key : substate.getName();
        ActivityImpl wait = waitStateOf(substate, processElement);
        @SuppressWarnings("unchecked")
        Map<String, String> names = (Map<String, String>) substate.getProperty(SUBSTATE_NAMES_PROPERTY);
        wait.setProperty(SUBSTATE_WAIT_PROPERTY, new SubstateWait(key, name, names));
        SubstateNames.remember(key, name, names);

        Set<ActivityImpl> beforeWait = reachableFrom(startEventsOf(substate), wait);
        Set<ActivityImpl> afterWait = reachableFrom(targetsOf(wait), null);
        for (ActivityImpl child : substate.getActivities()) {
            if (child.isTriggeredByEvent()) {
                Trigger trigger = isTimerStarted(child) ? Trigger.SCHEDULED : Trigger.PROCESS;
                placeAll(child, key, name, trigger);
            } else if (beforeWait.contains(child)) {
                placeAll(child, key, name, Trigger.OPEN);
            } else if (afterWait.contains(child)) {
                placeAll(child, key, name, Trigger.CLOSE);
            } else if (child.getProperty(ACTION_PROPERTY) != null) {
                throw new FlowModelException(child.getId(), "the action is not connected to the start or the wait "
                        + "state of substate '" + substate.getId() + "'", processElement);
            }
        }
    }

    private static ActivityImpl waitStateOf(ActivityImpl substate, Element processElement) {
        List<ActivityImpl> waits = substate.getActivities().stream()
                .filter(child -> "receiveTask".equals(type(child)) || "userTask".equals(type(child)))
                .toList();
        if (waits.size() != 1) {
            throw new FlowModelException(substate.getId(), "a substate needs exactly one wait state (a receive or "
                    + "user task) that means 'open'; found " + waits.size(), processElement);
        }
        return waits.get(0);
    }

    private static List<ActivityImpl> startEventsOf(ActivityImpl scope) {
        return scope.getActivities().stream().filter(child -> "startEvent".equals(type(child))).toList();
    }

    private static List<ActivityImpl> targetsOf(ActivityImpl activity) {
        return activity.getOutgoingTransitions().stream()
                .map(PvmTransition::getDestination).map(ActivityImpl.class::cast).toList();
    }

    private static Set<ActivityImpl> reachableFrom(List<ActivityImpl> starts, ActivityImpl stopAt) {
        Set<ActivityImpl> seen = new HashSet<>();
        var queue = new ArrayDeque<>(starts);
        while (!queue.isEmpty()) {
            ActivityImpl next = queue.poll();
            if (next == stopAt || !seen.add(next)) {
                continue;
            }
            queue.addAll(targetsOf(next));
        }
        return seen;
    }

    private static boolean isTimerStarted(ActivityImpl eventSubProcess) {
        return eventSubProcess.getActivities().stream().anyMatch(child -> "startTimerEvent".equals(type(child)));
    }

    /** Places the action itself, or every action nested in it (event sub-processes, embedded sub-processes). */
    private static void placeAll(ActivityImpl activity, String key, String name, Trigger trigger) {
        if (activity.getProperty(ACTION_PROPERTY) instanceof ActionDefinition action) {
            activity.setProperty(ACTION_PROPERTY, action.placedIn(key, name, trigger));
        }
        for (ActivityImpl child : activity.getActivities()) {
            placeAll(child, key, name, trigger);
        }
    }

    private static String type(ActivityImpl activity) {
        return activity.getProperties().get(BpmnProperties.TYPE);
    }
}
