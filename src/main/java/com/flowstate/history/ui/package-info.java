/**
 * The action history page: one tab per action type. The E-mail tab pages through
 * {@link com.flowstate.history.EmailHistoryQuery} with keyset cursors; tabs of actions not built yet say so.
 */
package com.flowstate.history.ui;
