/**
 * Acting on what the action history shows: retry a failed execution with its original inputs (one row, selected
 * rows, or all failed rows matching a tab's filters, in batches whose progress can be read), resend a sent e-mail or
 * report, and the attempt log of a row. Each retry or resend runs as a Camunda job of its own ({@link
 * com.flowstate.retry.ActionRetryJobs}), executed once on one node, retried by the engine's retry cycle and kept
 * across restarts; the action itself runs through {@link com.flowstate.action.ActionReruns}. Who may: ADMIN and
 * INTERNAL users; partners may read the attempts of their own rows only. See docs/decisions/0021.
 */
package com.flowstate.retry;
