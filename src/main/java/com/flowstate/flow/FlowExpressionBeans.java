package com.flowstate.flow;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The only beans the engine's expressions can resolve ({@code ProcessEngineConfigurationImpl#setBeans}): the
 * Flowstate actions, the flow properties ({@link FlowModelSafety#EXPRESSION_BEANS}) and the configured trusted
 * delegates. Without it the Spring expression manager resolves every bean of the application, e.g.
 * {@code ${environment}}. The deploy-time checks already refuse expressions that name other beans; this holds even if
 * a check were missed.
 *
 * <p>A read-only view of the bean factory, asked lazily: the actions' beans do not exist yet when the engine is
 * built, and the engine module must not know the action module, so an action is whatever
 * {@link FlowActions#isAction} says.
 */
final class FlowExpressionBeans extends AbstractMap<Object, Object> {

    private final ListableBeanFactory beans;
    private final ObjectProvider<FlowActions> actions;
    private final Set<String> fixed;

    FlowExpressionBeans(ListableBeanFactory beans, ObjectProvider<FlowActions> actions, Set<String> trustedDelegates) {
        this.beans = beans;
        this.actions = actions;
        Set<String> names = new LinkedHashSet<>(FlowModelSafety.EXPRESSION_BEANS);
        names.addAll(trustedDelegates);
        this.fixed = Set.copyOf(names);
    }

    /** Whether a flow may bind this bean as a {@code ${bean}} delegate: an action or a trusted delegate. */
    Predicate<String> delegates() {
        return name -> !FlowModelSafety.EXPRESSION_BEANS.contains(name) && allowed(name) && beans.containsBean(name);
    }

    private boolean allowed(String name) {
        if (fixed.contains(name)) {
            return true;
        }
        FlowActions known = actions.getIfAvailable();
        return known != null && known.isAction(name);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && allowed(name) && beans.containsBean(name);
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? beans.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        Set<String> names = new LinkedHashSet<>(fixed);
        FlowActions known = actions.getIfAvailable();
        if (known != null) {
            names.addAll(known.names());
        }
        return names.stream().filter(this::containsKey)
                .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, beans.getBean(name)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
