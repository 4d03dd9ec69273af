/**
 * The action history's screens: the view that holds one tab per action ({@link
 * com.flowstate.history.ui.ActionHistoryView}) and what every action's tab builds on ({@link
 * com.flowstate.history.ui.HistoryTab}, {@link com.flowstate.history.ui.FilterFields}). Each action contributes its
 * tab through a {@link com.flowstate.history.ui.HistoryTabProvider}.
 *
 * <p>The page's URL holds the selected tab, its filters (by their REST names), sort and open row, so a link to any
 * view of the history can be shared and the back button returns to it; on a phone every tab shows cards. See
 * docs/decisions/0022.
 */
@NamedInterface("ui")
package com.flowstate.history.ui;

import org.springframework.modulith.NamedInterface;
