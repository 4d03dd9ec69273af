/** The Substates tab of the action history: its grid, filters and the provider that contributes it. */
package com.flowstate.action.substate.ui;
