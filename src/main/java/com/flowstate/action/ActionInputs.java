package com.flowstate.action;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.ActionDefinition;

/**
 * The evaluated input parameters of each action execution, with the action as it was modelled (V19
 * {@code action_input}): what a retry or a resend runs with, whatever the flow or its model has become since.
 * Written by the first attempt that commits, in its transaction; an attempt that rolls back leaves the next one to
 * write them (the inputs are evaluated again by the engine for that attempt anyway).
 */
@Component
class ActionInputs {

    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ActionInputs(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What an execution ran with. */
    record Stored(String action, ActionDefinition definition, Map<String, String> inputs) {
    }

    /**
     * The insert of what the execution runs with, to be written with the attempt's outcome in the same transaction
     * ({@link ActionHistory}). Evaluated now, so a parameter that cannot be read fails before the action runs.
     */
    ProjectionWrite insert(ActionAttempt attempt, Record parameters) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (RecordComponent component : parameters.getClass().getRecordComponents()) {
            try {
                inputs.put(component.getName(), (String) component.getAccessor().invoke(parameters));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read parameter " + component.getName(), e);
            }
        }
        return new ProjectionWrite("""
                insert into action_input (execution_key, action, definition, inputs)
                values (?, ?, cast(? as jsonb), cast(? as jsonb)) on conflict do nothing""",
                Arrays.asList(attempt.executionKey(), attempt.action().action(), write(attempt.action()),
                        write(inputs)));
    }

    Optional<Stored> find(String executionKey) {
        return jdbc.sql("select action, definition::text, inputs::text from action_input where execution_key = ?")
                .param(executionKey)
                .query((rs, n) -> new Stored(rs.getString(1), read(rs.getString(2), ActionDefinition.class),
                        read(rs.getString(3), TEXTS)))
                .optional();
    }

    /** Gives a new execution (a resend) the inputs of the one it repeats. */
    void copy(String fromKey, String toKey) {
        jdbc.sql("""
                        insert into action_input (execution_key, action, definition, inputs)
                        select ?, action, definition, inputs from action_input where execution_key = ?""")
                .params(toKey, fromKey).update();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write action inputs", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored action inputs", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored action inputs", e);
        }
    }
}
