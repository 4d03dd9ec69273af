package com.flowstate.action.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which rows an export template exports, stored as JSON on the template. Every field is optional; a field only some
 * export types understand is refused for the others when the template is saved, rather than silently ignored.
 *
 * @param provinces         province codes (MI, CT…) of the opportunity; empty = any
 * @param createdWithinDays only rows created in the last N days (the opportunity, activity or e-mail row)
 * @param openSubstate      OPPORTUNITIES: only opportunities where this substate (key) is open now
 * @param activityType      ACTIVITIES: only this activity type (CALL, VISIT…)
 * @param completed         ACTIVITIES: true = completed, false = still open
 * @param status            EMAIL_HISTORY: true = sent, false = failed
 * @param template          EMAIL_HISTORY: e-mail template name contains, ignoring case
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExportFilter(
        List<String> provinces,
        Integer createdWithinDays,
        String openSubstate,
        String activityType,
        Boolean completed,
        Boolean status,
        String template) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public ExportFilter {
        provinces = provinces == null ? List.of()
                : provinces.stream().filter(p -> p != null && !p.isBlank()).map(p -> p.strip().toUpperCase()).toList();
    }

    public static ExportFilter none() {
        return new ExportFilter(List.of(), null, null, null, null, null, null);
    }

    public ExportFilter withProvinces(List<String> value) {
        return new ExportFilter(value, createdWithinDays, openSubstate, activityType, completed, status, template);
    }

    public ExportFilter withCreatedWithinDays(Integer value) {
        return new ExportFilter(provinces, value, openSubstate, activityType, completed, status, template);
    }

    public ExportFilter withOpenSubstate(String value) {
        return new ExportFilter(provinces, createdWithinDays, value, activityType, completed, status, template);
    }

    public ExportFilter withActivityType(String value) {
        return new ExportFilter(provinces, createdWithinDays, openSubstate, value, completed, status, template);
    }

    public ExportFilter withCompleted(Boolean value) {
        return new ExportFilter(provinces, createdWithinDays, openSubstate, activityType, value, status, template);
    }

    public ExportFilter withStatus(Boolean value) {
        return new ExportFilter(provinces, createdWithinDays, openSubstate, activityType, completed, value, template);
    }

    public ExportFilter withTemplate(String value) {
        return new ExportFilter(provinces, createdWithinDays, openSubstate, activityType, completed, status, value);
    }

    /** Fields set here that the export type does not understand, and values out of range; empty = fine. */
    List<String> problemsFor(ExportType type) {
        List<String> problems = new ArrayList<>();
        if (createdWithinDays != null && createdWithinDays < 1) {
            problems.add("filter createdWithinDays must be at least 1, was " + createdWithinDays);
        }
        Set<String> allowed = typeFields(type);
        require(problems, type, allowed, "openSubstate", isSet(openSubstate));
        require(problems, type, allowed, "activityType", isSet(activityType));
        require(problems, type, allowed, "completed", completed != null);
        require(problems, type, allowed, "status", status != null);
        require(problems, type, allowed, "template", isSet(template));
        return problems;
    }

    /** The filter fields only some types understand, for this type; provinces and createdWithinDays suit all. */
    public static Set<String> typeFields(ExportType type) {
        return switch (type) {
            case OPPORTUNITIES -> Set.of("openSubstate");
            case ACTIVITIES -> Set.of("activityType", "completed");
            case EMAIL_HISTORY -> Set.of("status", "template");
        };
    }

    private static void require(List<String> problems, ExportType type, Set<String> allowed, String field,
                                boolean set) {
        if (set && !allowed.contains(field)) {
            problems.add("filter " + field + " does not apply to " + type + " exports");
        }
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An export filter could not be written as JSON", e);
        }
    }

    /**
     * @throws IllegalArgumentException for JSON that is not a filter (unknown fields included)
     */
    static ExportFilter fromJson(String json) {
        if (json == null || json.isBlank()) {
            return none();
        }
        try {
            return JSON.readValue(json, ExportFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an export filter: " + e.getOriginalMessage(), e);
        }
    }
}
