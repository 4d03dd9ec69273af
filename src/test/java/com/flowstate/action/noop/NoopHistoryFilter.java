package com.flowstate.action.noop;

import java.time.LocalDate;

import com.flowstate.history.ActionFilter;

public record NoopHistoryFilter(Long opportunityId, String opportunity, Boolean status, LocalDate from, LocalDate to)
        implements ActionFilter {
}
