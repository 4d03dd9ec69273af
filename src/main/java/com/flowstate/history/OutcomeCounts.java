package com.flowstate.history;

import java.time.LocalDate;
import java.util.List;

import com.flowstate.security.PartnerScope;

/**
 * How the actions ended over recent days, for the dashboard above the history tabs: per action, how many of its
 * executions created since a day succeeded, failed or are retrying, within a partner scope (the same scope as the
 * tabs: a partner counts only their own opportunities' rows). Counts stop at {@link CappedCount#CAP}: the platform's
 * view of a 10M-row history costs what a 10k-row one does.
 */
public interface OutcomeCounts {

    /**
     * @param since the days to count from (Europe/Rome), each inclusive up to now; e.g. 7 and 30 days ago
     * @return one entry per action, its counts in the order of {@code since}
     */
    List<ActionOutcomes> since(PartnerScope scope, List<LocalDate> since);

    /**
     * @param action the action's bean name (as its tab provider names it)
     * @param tabKey the action's key in the history URL ({@code /account/history?tab=<key>})
     * @param counts per day of {@code since}, in its order
     */
    record ActionOutcomes(String action, String tabKey, List<Outcomes> counts) {
    }

    record Outcomes(LocalDate since, CappedCount succeeded, CappedCount failed, CappedCount retrying) {
    }
}
