/**
 * Retry and resend in the action history's tabs: multi-select with "Retry selected" and "Retry all failed" (count
 * first, then a progress bar), and in a row's details its attempts and Retry / Resend buttons. Added to every tab
 * through {@link com.flowstate.history.ui.HistoryTabExtension}; partners get the attempts only.
 */
package com.flowstate.retry.ui;
