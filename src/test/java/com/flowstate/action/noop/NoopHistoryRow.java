package com.flowstate.action.noop;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.flowstate.history.ActionHistoryRow;
import com.flowstate.history.ActionRow;

public record NoopHistoryRow(@JsonUnwrapped ActionRow action, String outcome, String note)
        implements ActionHistoryRow {
}
