package com.flowstate.action;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.FlowActions;
import com.flowstate.history.ui.HistoryTabProvider;

/**
 * Every action the application has, found as the {@link Action} beans it holds: no list names them. The engine
 * asks it which beans are actions and what is wrong with a modelled one.
 *
 * <p>At start-up it checks that every action is complete, and stops the application if one is not: its history
 * table exists with the shared columns, it has a tab in the action history, and Camunda Modeler has an element
 * template for it (a file under {@code element-templates/} on the class path, which the build copies from
 * {@code bpmn/.camunda/element-templates/}).
 */
@Component
class Actions implements FlowActions {

    static final String ELEMENT_TEMPLATES = "classpath*:element-templates/*.json";

    private final ObjectProvider<Action<?>> beans;
    private final JdbcClient jdbc;
    private final ObjectProvider<HistoryTabProvider> tabs;
    private volatile Map<String, Action<?>> byName;

    Actions(ObjectProvider<Action<?>> beans, JdbcClient jdbc, ObjectProvider<HistoryTabProvider> tabs) {
        this.beans = beans;
        this.jdbc = jdbc;
        this.tabs = tabs;
    }

    Optional<Action<?>> find(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    @Override
    public boolean isAction(String beanName) {
        return byName().containsKey(beanName);
    }

    @Override
    public Set<String> names() {
        return new TreeSet<>(byName().keySet());
    }

    @Override
    public List<String> modelProblems(ActionDefinition definition, Set<String> substateKeys) {
        return find(definition.action()).map(action -> action.allModelProblems(definition, substateKeys))
                .orElse(List.of());
    }

    @Override
    public List<String> dataProblems(ActionDefinition definition) {
        return find(definition.action()).map(action -> dataProblems(action, definition)).orElse(List.of());
    }

    /** Stops the start-up when an action lacks its history table, its tab or its element template. */
    @EventListener(ApplicationStartedEvent.class)
    void checkEveryActionIsComplete() {
        List<String> problems = incompleteness(byName().values());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Incomplete actions: " + String.join("; ", problems));
        }
    }

    /** What each of these actions lacks: its history table (with the shared columns), its tab, its template. */
    List<String> incompleteness(Collection<Action<?>> actions) {
        Set<String> withTab = new HashSet<>();
        tabs.orderedStream().forEach(tab -> withTab.add(tab.action()));
        Set<String> withTemplate = templatedActions();
        List<String> problems = new ArrayList<>();
        for (Action<?> action : actions) {
            List<String> missing = missingSharedColumns(action.historyTable());
            if (!missing.isEmpty()) {
                problems.add("action '" + action.name() + "': its history table '" + action.historyTable()
                        + "' is missing or lacks the columns " + missing);
            }
            if (!withTab.contains(action.name())) {
                problems.add("action '" + action.name() + "' has no tab in the action history (a "
                        + HistoryTabProvider.class.getSimpleName() + " bean whose action() is its name)");
            }
            if (!withTemplate.contains(action.name())) {
                problems.add("action '" + action.name() + "' has no Camunda Modeler element template binding ${"
                        + action.name() + "} (bpmn/.camunda/element-templates/)");
            }
        }
        return problems;
    }

    /** The actions whose delegate expression an element template on the class path binds. */
    static Set<String> templatedActions() {
        Set<String> names = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(ELEMENT_TEMPLATES)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode root = json.readTree(in);
                    for (JsonNode template : root.isArray() ? root : List.of(root)) {
                        delegateBean(template).ifPresent(names::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the element templates", e);
        }
        return names;
    }

    private static Optional<String> delegateBean(JsonNode template) {
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            if ("property".equals(binding.path("type").asText())
                    && "camunda:delegateExpression".equals(binding.path("name").asText())) {
                String value = property.path("value").asText().strip();
                if (value.startsWith("${") && value.endsWith("}")) {
                    return Optional.of(value.substring(2, value.length() - 1).strip());
                }
            }
        }
        return Optional.empty();
    }

    private List<String> missingSharedColumns(String table) {
        Set<String> present = new HashSet<>(jdbc.sql("""
                        select column_name from information_schema.columns
                         where table_schema = current_schema() and table_name = ?""")
                .param(table).query(String.class).list());
        return ActionHistory.SHARED_COLUMNS.stream().filter(column -> !present.contains(column)).toList();
    }

    private static <P extends Record> List<String> dataProblems(Action<P> action, ActionDefinition definition) {
        return action.dataProblems(action.parameters(definition));
    }

    private Map<String, Action<?>> byName() {
        Map<String, Action<?>> known = byName;
        if (known == null) {
            known = new LinkedHashMap<>();
            for (Action<?> action : beans.orderedStream().toList()) {
                known.put(action.name(), action);
            }
            byName = known;
        }
        return known;
    }
}
