/**
 * What admins read across every feature, above them all: the audit trail's view and REST API ({@code admin.audit}),
 * and the audit rows of flow deployments. Kept apart from {@link com.flowstate.audit}, which every feature calls to
 * record its changes: the read side needs the history kernel and the UI shell, which themselves depend on features
 * that record changes.
 */
package com.flowstate.admin;
