package com.flowstate.flow;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a flow's expressions ({@code ${…}} / {@code #{…}}) may do: read process variables and the documented flow
 * properties ({@link FlowModelSafety#EXPRESSION_BEANS}), their properties, literals and operators. Nothing else: no
 * method or function call, no other Spring bean, none of the engine objects the expression language exposes
 * ({@code execution}, {@code task}…), no {@code .class}.
 *
 * <p>The text is parsed by the engine's own expression-language parser (Camunda's JUEL, the same grammar the engine
 * evaluates), so what is checked is exactly what would run; the syntax tree is then walked.
 */
final class FlowExpressionCheck {

    /** Objects the engine's resolvers put in front of process variables; each leads to the whole engine. */
    static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
            "variableContext", "variableScope", "processEngine", "processEngineServices");

    /** The parser of Camunda's JUEL with the features its expression factory enables. */
    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private final Set<String> allowedBeans;
    private final Predicate<String> isSpringBean;

    /**
     * @param allowedBeans the beans an expression may name (the flow properties)
     * @param isSpringBean whether a name is a bean of the application, which an expression must not name
     */
    FlowExpressionCheck(Set<String> allowedBeans, Predicate<String> isSpringBean) {
        this.allowedBeans = allowedBeans;
        this.isSpringBean = isSpringBean;
    }

    /** Whether a text is (or contains) an expression the engine would evaluate. */
    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** What is wrong with the expression(s) in a text, if anything. */
    Optional<String> problem(String text) {
        if (!isExpression(text)) {
            return Optional.empty();
        }
        Tree tree;
        try {
            tree = PARSER.build(text);
        } catch (TreeBuilderException e) {
            return Optional.of("'" + text + "' is not a valid expression (" + e.getMessage() + ")");
        }
        return problem(tree.getRoot(), text);
    }

    private Optional<String> problem(Node node, String text) {
        if (node instanceof AstMethod || node instanceof AstFunction) {
            return Optional.of("the expression '" + text + "' calls a method or function; expressions may only "
                    + "read process variables and the flow properties (" + String.join(", ", allowedBeans) + ")");
        }
        if (node instanceof AstIdentifier identifier) {
            return identifierProblem(identifier.getName(), text);
        }
        if (node instanceof AstDot dot && "class".equals(propertyOf(dot))) {
            return Optional.of("the expression '" + text + "' reads '.class', which leads to Java reflection");
        }
        if (node instanceof AstBracket bracket) {
            Node index = bracket.getChild(1);
            if (index instanceof AstString string && "class".equals(string.eval(null, null))) {
                return Optional.of("the expression '" + text + "' reads '.class', which leads to Java reflection");
            }
            if (!(index instanceof AstString || index instanceof AstNumber || index instanceof AstIdentifier)) {
                return Optional.of("the expression '" + text + "' computes a property name; in brackets use a "
                        + "literal or a variable");
            }
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            Optional<String> problem = problem(node.getChild(i), text);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<String> identifierProblem(String name, String text) {
        if (allowedBeans.contains(name)) {
            return Optional.empty();
        }
        if (ENGINE_NAMES.contains(name)) {
            return Optional.of("the expression '" + text + "' uses the engine object '" + name + "'; expressions may "
                    + "only read process variables and the flow properties (" + String.join(", ", allowedBeans) + ")");
        }
        if (isSpringBean.test(name)) {
            return Optional.of("the expression '" + text + "' names the application bean '" + name + "'; "
                    + "expressions may only read process variables and the flow properties ("
                    + String.join(", ", allowedBeans) + "): name the variable differently");
        }
        return Optional.empty();
    }

    /** {@code AstDot} keeps its property name to itself; its text form is {@code ". name"}. */
    private static String propertyOf(AstDot dot) {
        String text = dot.toString();
        return text.startsWith(". ") ? text.substring(2) : text;
    }
}
