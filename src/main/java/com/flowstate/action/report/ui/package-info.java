/**
 * The Reports tab of the action history: its grid (with the link to download each sent document), filters and the
 * provider that contributes it.
 */
package com.flowstate.action.report.ui;
