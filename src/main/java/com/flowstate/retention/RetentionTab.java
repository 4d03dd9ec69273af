package com.flowstate.retention;

import java.util.Arrays;
import java.util.List;

/**
 * What retention applies to: each history tab and the audit trail, with its table, the time its rows are aged by
 * (the creation time, whose index every tab already has) and the rows that belong to a row and go with it.
 * <p>
 * Children by execution key (no foreign key, so they would outlive their row): the action's inputs and attempts, an
 * outbound intent, a bulk retry's item, and the action's own delivery record. Children with a cascading foreign key
 * (a report's document, an export's file and its chunks) go by themselves. A row that points at a purged one (a resend,
 * an assignment that replaces an earlier one) keeps its own data and loses only the pointer.
 */
public enum RetentionTab {

    EMAIL("email", "email_history", "created_at", List.of("email_delivery"),
            List.of("email_history.resend_of"), 1),
    ACTIVITY("activity", "activity_history", "created_at", List.of(), List.of(), 1),
    SUBSTATE("substate", "substate_change_history", "created_at", List.of(), List.of(), 1),
    ASSIGNMENT("assignment", "assignment_history", "created_at", List.of(),
            List.of("assignment_history.replaces_id"), 1),
    REPORT("report", "report_history", "created_at", List.of(), List.of("report_history.resend_of"), 1),
    WEBHOOK("webhook", "webhook_history", "created_at", List.of("webhook_delivery"), List.of(), 1),
    EXPORT("export", "export_history", "created_at", List.of("export_delivery"), List.of(), 1),
    /** The audit trail keeps at least 90 days, so nobody can erase a change they just made. */
    AUDIT("audit", "audit_entry", "at", List.of(), List.of(), 90);

    /** Five years, what the platform keeps unless an admin says otherwise. */
    public static final int DEFAULT_DAYS = 1826;
    /** A hundred years: anything longer is a typing mistake. */
    public static final int MAX_DAYS = 36_500;
    /** Tables an action execution leaves rows in, by its execution key, whatever the action. */
    static final List<String> EXECUTION_CHILDREN = List.of("action_input", "action_attempt", "outbound_intent",
            "retry_batch_item");

    private final String key;
    private final String table;
    private final String agedBy;
    private final List<String> deliveries;
    private final List<String> pointers;
    private final int minDays;

    RetentionTab(String key, String table, String agedBy, List<String> deliveries, List<String> pointers,
                 int minDays) {
        this.key = key;
        this.table = table;
        this.agedBy = agedBy;
        this.deliveries = deliveries;
        this.pointers = pointers;
        this.minDays = minDays;
    }

    /** The name REST and the view use: the history URL's tab key, or {@code audit}. */
    public String key() {
        return key;
    }

    public int minDays() {
        return minDays;
    }

    public int maxDays() {
        return MAX_DAYS;
    }

    /** Whether its rows are action executions (with an execution key and children by it). */
    boolean isAction() {
        return this != AUDIT;
    }

    String table() {
        return table;
    }

    String agedBy() {
        return agedBy;
    }

    List<String> deliveries() {
        return deliveries;
    }

    /** {@code table.column} of the foreign keys that point at this tab's rows and must let go first. */
    List<String> pointers() {
        return pointers;
    }

    /**
     * The tab a key names.
     *
     * @throws IllegalArgumentException naming the key and the ones there are
     */
    public static RetentionTab of(String key) {
        for (RetentionTab tab : values()) {
            if (tab.key.equals(key)) {
                return tab;
            }
        }
        throw new IllegalArgumentException("Unknown retention tab '" + key + "' (expected one of "
                + String.join(", ", Arrays.stream(values()).map(RetentionTab::key).toList()) + ")");
    }
}
