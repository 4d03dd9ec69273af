package com.flowstate.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;

/**
 * Records configuration changes. A feature calls {@link #record} inside the transaction that makes the change
 * ({@code MANDATORY}: a change recorded outside one could commit without its row, or the row without the change).
 * <p>
 * Before and after are any value Jackson can write (a record, a map); every field whose name says it holds a secret
 * (password, secret, token, API or private key) is replaced by {@link #MASK} when it has a value, at any depth, so the trail can
 * show that a password changed without ever holding it.
 */
@Service
public class AuditTrail {

    /** What a secret's value becomes in the trail. */
    public static final String MASK = "••••••";
    /** The actor of changes no signed-in user made (the engine, a scheduled job). */
    public static final String SYSTEM = "system";

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|apikey|api_key|"
            + "privatekey|private_key).*");
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    // Its own mapper: the trail's JSON must not change when the API's JSON settings do.
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records one change by the signed-in user (or {@link #SYSTEM}).
     *
     * @param subject what changed, as a reader finds it: a partner's name, a template's name, a user's username
     * @param before  the fields before (null for {@code CREATED})
     * @param after   the fields after (null for {@code DELETED})
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditArea area, String subject, AuditChange change, Object before, Object after) {
        record(CurrentUser.get().map(FlowstateUser::getUsername).orElse(SYSTEM), area, subject, change, before,
                after);
    }

    /** Records one change by a named actor: one the engine knows while no Spring user is signed in (a deployment). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, AuditArea area, String subject, AuditChange change, Object before, Object after) {
        jdbc.sql("""
                        insert into audit_entry (actor, area, subject, change, before, after)
                        values (:actor, :area, :subject, :change, cast(:before as jsonb), cast(:after as jsonb))
                        """)
                .param("actor", actor)
                .param("area", area.name())
                .param("subject", subject)
                .param("change", change.name())
                .param("before", write(before))
                .param("after", write(after))
                .update();
    }

    /** The fields of a value as the trail keeps them: a map of its JSON properties, secrets masked. */
    public Map<String, Object> fields(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> fields = value instanceof Map<?, ?> map
                ? json.convertValue(map, FIELDS) : json.convertValue(value, FIELDS);
        return masked(fields);
    }

    private String write(Object value) {
        Map<String, Object> fields = fields(value);
        if (fields == null) {
            return null;
        }
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An audit value cannot be written as JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    private static Map<String, Object> masked(Map<String, Object> fields) {
        Map<String, Object> masked = new LinkedHashMap<>();
        fields.forEach((name, value) -> masked.put(name, masked(name, value)));
        return masked;
    }

    @SuppressWarnings("unchecked")
    private static Object masked(String name, Object value) {
        // A flag such as "passwordSet" says whether there is a secret, not what it is: it stays readable.
        if (isSecret(name) && !(value instanceof Boolean)) {
            return value == null || value.toString().isEmpty() ? value : MASK;
        }
        if (value instanceof Map<?, ?> map) {
            return masked((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> masked("", item)).toList();
        }
        return value;
    }

    /** Whether a field's name says it holds a secret. */
    public static boolean isSecret(String fieldName) {
        return SECRET_NAME.matcher(fieldName.toLowerCase(Locale.ROOT)).matches();
    }
}
