/**
 * Retention (issue 11, decision 0035): how many days each history tab and the audit trail keep their rows, changed by
 * admins and audited; a nightly purge (and a purge now, with a dry-run count first) deletes expired rows and their
 * children in small batches that never lock a tab, once over all nodes; Camunda's history time-to-live follows the
 * action tabs.
 */
package com.flowstate.retention;
