package com.flowstate.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded configuration change.
 *
 * @param actor  the username that made it, or {@code system} for the engine and scheduled jobs
 * @param before the changed thing's fields before the change (null when created), secrets masked
 * @param after  its fields after the change (null when deleted), secrets masked
 */
public record AuditEntry(long id, Instant at, String actor, AuditArea area, String subject, AuditChange change,
                         Map<String, Object> before, Map<String, Object> after) {
}
