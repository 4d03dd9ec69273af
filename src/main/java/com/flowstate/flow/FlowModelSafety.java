package com.flowstate.flow;

import static org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A deployed flow may only call Flowstate's actions (DESIGN invariant 7). Designers are trusted with flows, not with
 * code, so a BPMN file is refused, naming the element, when anything in it would run code of its own choosing:
 * <ul>
 *   <li>a {@code camunda:class} or {@code camunda:expression} implementation, anywhere (service, send and
 *   business-rule tasks, message events); a {@code camunda:delegateExpression} other than exactly
 *   {@code ${<action>}} of a Flowstate action;</li>
 *   <li>script tasks, scripts anywhere (input/output, conditions with a {@code language}, external resources);</li>
 *   <li>execution and task listeners of any kind (Flowstate's own flows use none), field injection, connectors
 *   (the webhook action calls Camunda Connect from Java), call-activity variable mappings, form handlers, custom form
 *   validators, service-task types other than {@code external};</li>
 *   <li>an expression, in any attribute or text (conditions, timers, input/output parameters, message names,
 *   assignees…), that calls a method or names anything but process variables and the flow properties
 *   ({@link FlowExpressionCheck}).</li>
 * </ul>
 * The whole document is walked, not only the elements the engine is known to read, so a construct nobody thought
 * of is still checked if it holds an expression.
 */
final class FlowModelSafety {

    /** The beans an expression may read: the documented flow properties ({@link FlowTimers}). */
    static final Set<String> EXPRESSION_BEANS = Set.of("flowTimers");

    private static final Pattern DELEGATE = Pattern.compile("\\$\\{\\s*(\\w+)\\s*}");
    private static final String BPMN_DI = "BPMNDiagram";
    /** Free text for people; the engine never evaluates it. */
    private static final Set<String> PROSE = Set.of("documentation", "text");
    /** The form-field constraints the engine itself implements; any other name is a class or an expression. */
    private static final Set<String> BUILT_IN_VALIDATORS = Set.of("required", "readonly", "minlength", "maxlength",
            "min", "max");
    private static final String CAMUNDA = CAMUNDA_BPMN_EXTENSIONS_NS.getNamespaceUri();
    private static final String CAMUNDA_ALTERNATIVE = CAMUNDA_BPMN_EXTENSIONS_NS.getAlternativeUri();

    private final Predicate<String> isDelegate;
    private final FlowExpressionCheck expressions;

    /**
     * @param isDelegate   whether a bean may be a {@code ${bean}} delegate: the actions (and configured test doubles)
     * @param isSpringBean whether a name is a bean of the application
     */
    FlowModelSafety(Predicate<String> isDelegate, Predicate<String> isSpringBean) {
        this.isDelegate = isDelegate;
        this.expressions = new FlowExpressionCheck(EXPRESSION_BEANS, isSpringBean);
    }

    /** Checks a whole BPMN document; throws the first problem, naming the nearest element id. */
    void check(Element definitions) {
        walk(definitions, definitions.attribute("id") == null ? "definitions" : definitions.attribute("id"));
    }

    private void walk(Element element, String outerId) {
        String name = localName(element.getTagName());
        if (BPMN_DI.equals(name) || PROSE.contains(name)) {
            return;
        }
        // An event definition's id is generated and hidden in Modeler: name its event.
        String id = element.attribute("id") == null || name.endsWith("EventDefinition") ? outerId
                : element.attribute("id");
        elementProblem(element, name).ifPresent(problem -> fail(id, problem, element));
        for (String key : element.attributes()) {
            attributeProblem(element, key).ifPresent(problem -> fail(id, problem, element));
        }
        expressions.problem(element.getText()).ifPresent(problem -> fail(id, problem + " (in " + name + ")", element));
        for (Element child : element.elements()) {
            walk(child, id);
        }
    }

    private static Optional<String> elementProblem(Element element, String name) {
        return switch (name) {
            case "scriptTask" -> Optional.of("script tasks are not allowed: a flow may only call Flowstate's actions");
            case "script" -> Optional.of("scripts are not allowed: a flow may only call Flowstate's actions");
            case "executionListener", "taskListener", "caseExecutionListener", "variableListener" ->
                    Optional.of("listeners (camunda:" + name + ") are not allowed: a flow may only call "
                            + "Flowstate's actions");
            case "connector" -> Optional.of("connectors (camunda:connector) are not allowed: call a webhook with "
                    + "the ${callWebhookAction} action");
            case "field" -> Optional.of("field injection (camunda:field) is not allowed: give an action its "
                    + "input parameters");
            case "constraint" -> BUILT_IN_VALIDATORS.contains(element.attribute("name")) ? Optional.empty()
                    : Optional.of("the form-field validator '" + element.attribute("name") + "' is not allowed: "
                    + "only " + BUILT_IN_VALIDATORS);
            default -> Optional.empty();
        };
    }

    private Optional<String> attributeProblem(Element element, String key) {
        if (key.startsWith("xmlns")) {
            return Optional.empty();
        }
        int colon = key.lastIndexOf(':');
        String uri = colon < 0 ? "" : key.substring(0, colon);
        String name = colon < 0 ? key : key.substring(colon + 1);
        String value = element.attribute(key);
        if (uri.equals(CAMUNDA) || uri.equals(CAMUNDA_ALTERNATIVE)) {
            Optional<String> problem = camundaAttributeProblem(name, value);
            if (problem != null) {
                return problem;
            }
        } else if (uri.isEmpty() && "language".equals(name)) {
            return Optional.of("script expressions (language=\"" + value + "\") are not allowed: write a plain "
                    + "${…} expression");
        }
        return expressions.problem(value).map(problem -> problem + " (in " + name + ")");
    }

    /** The problem of a camunda: attribute, or null when it is an ordinary one whose expressions get checked. */
    private Optional<String> camundaAttributeProblem(String name, String value) {
        return switch (name) {
            case "class" -> Optional.of("camunda:class runs Java code of the flow's choosing; a flow may only call "
                    + "Flowstate's actions, as camunda:delegateExpression=\"${<action>}\"");
            case "expression" -> Optional.of("camunda:expression is not allowed; a flow may only call Flowstate's "
                    + "actions, as camunda:delegateExpression=\"${<action>}\"");
            case "delegateExpression" -> delegateProblem(value);
            case "variableMappingClass", "variableMappingDelegateExpression", "formHandlerClass" ->
                    Optional.of("camunda:" + name + " runs Java code of the flow's choosing and is not allowed");
            case "resource", "scriptFormat" -> Optional.of("scripts (camunda:" + name + ") are not allowed");
            case "type" -> "external".equals(value) ? Optional.empty()
                    : Optional.of("camunda:type=\"" + value + "\" is not allowed (only \"external\")");
            default -> null;
        };
    }

    private Optional<String> delegateProblem(String value) {
        Matcher bean = DELEGATE.matcher(value == null ? "" : value.strip());
        if (bean.matches() && isDelegate.test(bean.group(1))) {
            return Optional.empty();
        }
        return Optional.of("camunda:delegateExpression=\"" + value + "\" is not one of Flowstate's actions; a flow "
                + "may only call an action, as exactly ${<action>}");
    }

    private static String localName(String tagName) {
        int colon = tagName.indexOf(':');
        return colon < 0 ? tagName : tagName.substring(colon + 1);
    }

    private static void fail(String elementId, String problem, Element element) {
        throw new FlowModelException(elementId, problem, element);
    }
}
