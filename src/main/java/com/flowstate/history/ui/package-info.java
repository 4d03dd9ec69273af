/**
 * The action history's screens: the view that holds one tab per action ({@link
 * com.flowstate.history.ui.ActionHistoryView}) and what every action's tab builds on ({@link
 * com.flowstate.history.ui.HistoryTab}, {@link com.flowstate.history.ui.FilterFields}). Each action contributes its
 * tab through a {@link com.flowstate.history.ui.HistoryTabProvider}.
 */
@NamedInterface("ui")
package com.flowstate.history.ui;

import org.springframework.modulith.NamedInterface;
