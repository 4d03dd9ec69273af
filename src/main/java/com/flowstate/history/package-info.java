/**
 * The action history's shared kernel: how every action's tab pages (keyset query builder, cursor, page, sort
 * parsing), the columns every action's row has ({@link com.flowstate.history.ActionRow}) and the filters every tab
 * has ({@link com.flowstate.history.ActionFilter}). Each action's own query, filter, row and endpoint live in the
 * action's package; dependencies run one way, from the actions to this kernel.
 */
package com.flowstate.history;
