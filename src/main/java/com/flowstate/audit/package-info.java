/**
 * The audit trail of configuration changes and deployments (issue 11): who changed what, when, and the fields before
 * and after, secrets masked. Features record their own changes through {@link com.flowstate.audit.AuditTrail} inside
 * the transaction that makes them; only admins read the trail.
 */
package com.flowstate.audit;
