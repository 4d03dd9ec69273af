package com.flowstate.action;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.BeanNameAware;

import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.ActionDefinition;

/**
 * An automatic action, as the platform knows it. A designer places it in a flow as a service task whose delegate
 * expression names the action's bean ({@code ${sendEmailAction}} is the bean of {@code SendEmailAction}); the bean
 * name is the action's name everywhere (history, templates, checks), so nothing lists the actions centrally.
 *
 * <p>An action declares:
 * <ul>
 *   <li>its parameters: one record of strings whose components are the service task's input parameters, read once
 *   per attempt (from the evaluated inputs) and once at deploy time (from the literal ones). A component marked
 *   {@link Optional} may be left out; any other missing one refuses the deployment;</li>
 *   <li>its deploy-time checks ({@link #modelProblems}, {@link #dataProblems});</li>
 *   <li>its execute step ({@link Step}, usually a method of its feature service), which does the side effect and
 *   puts the action's own history columns on the row; it throws {@link ActionFailure} when it cannot. Whether a failure is retried or final is decided once, by the
 *   {@link ActionRunner};</li>
 *   <li>its history table, which has the columns every action shares (written by the platform) and its own.</li>
 * </ul>
 * Its read side (query, REST endpoint, tab) sits next to it, in the same package and its {@code ui} sub-package.
 *
 * @param <P> the parameters record
 */
public abstract class Action<P extends Record> implements JavaDelegate, BeanNameAware {

    /** Marks a parameter that a service task may leave out. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.RECORD_COMPONENT)
    public @interface Optional {
    }

    /**
     * The work of one attempt: does the side effect and puts the action's own columns on {@code row} as it learns
     * them, so a failed attempt's row shows how far it got.
     *
     * @param <P> the parameters record
     */
    @FunctionalInterface
    public interface Step<P> {

        /** @throws ActionFailure when the action cannot do its work; transient failures are retried */
        void run(ActionAttempt attempt, P parameters, HistoryRow row);
    }

    private final Class<P> parametersType;
    private final String historyTable;
    private final ActionRunner runner;
    private final Step<P> step;
    private String name;

    /**
     * @param parametersType the parameters record
     * @param historyTable   the table of the action's history tab; a constant of the code, never user input
     * @param step           the execute step, usually the action's feature service
     */
    protected Action(Class<P> parametersType, String historyTable, ActionRunner runner, Step<P> step) {
        if (Arrays.stream(parametersType.getRecordComponents()).anyMatch(c -> c.getType() != String.class)) {
            throw new IllegalArgumentException(parametersType.getName() + ": parameters are the texts of the "
                    + "service task's input parameters; every component must be a String");
        }
        this.parametersType = parametersType;
        this.historyTable = historyTable;
        this.runner = runner;
        this.step = step;
    }

    /** The action's name: its bean name, which the service task's delegate expression names. */
    public final String name() {
        return name;
    }

    /** The table of the action's history tab. */
    public final String historyTable() {
        return historyTable;
    }

    /** Names of the service task's input parameters this action reads, in the order of its parameters record. */
    public final Set<String> inputParameters() {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent component : parametersType.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    /** Runs the execute step of one attempt; the runner calls it. */
    final void execute(ActionAttempt attempt, P parameters, HistoryRow row) {
        step.run(attempt, parameters, row);
    }

    /**
     * What the opportunity's timeline shows of one execution besides the shared columns: an SQL expression over the
     * action's history table (alias {@code h}), e.g. the template and the recipient. A constant of the code, never
     * user input; by default nothing.
     */
    protected String timelineSummary() {
        return "null";
    }

    /** The action's own columns known before the first attempt, from the literal parameters (column → value). */
    protected Map<String, Object> scheduledColumns(P parameters) {
        return Map.of();
    }

    /**
     * The action's own columns known before the first attempt, for an action whose columns also depend on where it
     * was modelled (its substate, its trigger); by default {@link #scheduledColumns(Record)}.
     */
    protected Map<String, Object> scheduledColumns(P parameters, ActionDefinition modelled) {
        return scheduledColumns(parameters);
    }

    /**
     * Problems visible in the model alone: a value outside a list, a substate the flow does not have. A required
     * parameter left out is reported by the platform before this is asked.
     */
    protected List<String> modelProblems(P parameters, Set<String> substateKeys) {
        return List.of();
    }

    /**
     * Whether a person may run a failed execution again later, outside its flow, with its original inputs (retry).
     * An action that changes the flow itself must not: a retry never moves the flow.
     */
    public boolean retryableLater() {
        return true;
    }

    /** Problems with configured data the literal parameters refer to (templates, SMTP accounts). */
    protected List<String> dataProblems(P parameters) {
        return List.of();
    }

    /** The parameter when it is written out in the model; null for an expression (known only when the action runs). */
    protected static String literal(String value) {
        return isLiteral(value) ? value : null;
    }

    /**
     * The problem of a name written out in the model that names nothing ({@code problem} formatted with it); none for
     * an expression, resolved only when the action runs.
     */
    protected static Stream<String> unknownName(String name, Predicate<String> exists, String problem) {
        return isLiteral(name) && !exists.test(name) ? Stream.of(problem.formatted(name)) : Stream.empty();
    }

    /** Whether a parameter is written out in the model rather than an expression evaluated when the action runs. */
    protected static boolean isLiteral(String value) {
        return value != null && !value.isBlank() && !value.contains("${") && !value.contains("#{");
    }

    /** The engine's entry point: every attempt goes through the runner. */
    @Override
    public final void execute(DelegateExecution execution) {
        runner.run(this, execution);
    }

    @Override
    public final void setBeanName(String name) {
        this.name = name;
    }

    P parameters(Function<String, Object> inputs) {
        RecordComponent[] components = parametersType.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Object value = inputs.apply(components[i].getName());
            values[i] = value == null ? null : value.toString();
        }
        try {
            var constructor = parametersType.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the parameters of action " + name, e);
        }
    }

    P parameters(ActionDefinition definition) {
        return parameters(definition::parameter);
    }

    /**
     * Every problem of a modelled service task, as a deployment reports it: required parameters left out first,
     * then the action's own {@link #modelProblems}.
     */
    public final List<String> allModelProblems(ActionDefinition definition, Set<String> substateKeys) {
        List<String> problems = new ArrayList<>();
        for (RecordComponent component : parametersType.getRecordComponents()) {
            String value = definition.parameter(component.getName());
            if (!component.isAnnotationPresent(Optional.class) && (value == null || value.isBlank())) {
                problems.add("input parameter '" + component.getName() + "' is missing");
            }
        }
        problems.addAll(modelProblems(parameters(definition), substateKeys));
        return problems;
    }
}
