package com.flowstate.action.noop;

import com.flowstate.action.Action;

/**
 * @param outcome SUCCEED or FAIL
 * @param note    any text, copied to the history row
 */
public record NoopParameters(String outcome, @Action.Optional String note) {
}
