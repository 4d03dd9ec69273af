package com.flowstate.audit;

/** The kind of change an audit row records. */
public enum AuditChange {
    CREATED,
    UPDATED,
    DELETED,
    /** A flow deployment. */
    DEPLOYED,
    /** A one-off operation on the configuration, e.g. a retention purge run by an admin. */
    EXECUTED
}
