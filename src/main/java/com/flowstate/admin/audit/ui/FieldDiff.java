package com.flowstate.admin.audit.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.audit.AuditEntry;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * An audit row's fields before and after, one line per field, the changed ones highlighted; a created thing shows only
 * "after", a deleted one only "before". Secrets arrive masked from the trail and are shown as they are.
 */
class FieldDiff extends Div {

    private static final ObjectMapper JSON = new ObjectMapper();

    FieldDiff(AuditEntry entry) {
        addClassName("audit-diff");
        setId("audit-diff-" + entry.id());
        Div head = new Div(new Span(getTranslation("audit.diff.field")), new Span(getTranslation("audit.diff.before")),
                new Span(getTranslation("audit.diff.after")));
        head.addClassName("audit-diff-head");
        add(head);
        for (String field : fields(entry)) {
            Object before = value(entry.before(), field);
            Object after = value(entry.after(), field);
            boolean changed = changed(entry, field);
            Div line = new Div(new Span(field), cell(entry.before(), before), cell(entry.after(), after));
            line.addClassName("audit-diff-line");
            if (changed) {
                line.addClassName("audit-diff-changed");
            }
            line.getElement().setAttribute("data-field", field);
            add(line);
        }
    }

    /** How many fields changed: every field of a created or deleted thing, the differing ones of an update. */
    static long changedCount(AuditEntry entry) {
        return fields(entry).stream().filter(field -> changed(entry, field)).count();
    }

    private static boolean changed(AuditEntry entry, String field) {
        if (entry.before() == null || entry.after() == null) {
            return true;
        }
        return entry.before().containsKey(field) != entry.after().containsKey(field)
                || !Objects.equals(entry.before().get(field), entry.after().get(field));
    }

    private static List<String> fields(AuditEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        if (entry.before() != null) {
            names.addAll(entry.before().keySet());
        }
        if (entry.after() != null) {
            names.addAll(entry.after().keySet());
        }
        return new ArrayList<>(names);
    }

    private static Object value(Map<String, Object> fields, String field) {
        return fields == null ? null : fields.get(field);
    }

    private static Span cell(Map<String, Object> side, Object value) {
        Span cell = new Span(side == null ? "—" : text(value));
        cell.addClassName(side == null ? "audit-diff-none" : "audit-diff-value");
        return cell;
    }

    private static String text(Object value) {
        if (value == null) {
            return "∅";
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }
}
