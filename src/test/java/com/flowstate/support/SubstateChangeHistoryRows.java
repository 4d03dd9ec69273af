package com.flowstate.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.flowstate.action.substate.SubstateChangeHistoryFilter;
import com.flowstate.action.substate.SubstateChangeHistoryQuery;
import com.flowstate.action.substate.SubstateChangeHistoryRow;
import com.flowstate.history.HistorySort;
import com.flowstate.security.PartnerScope;

/** Waits for the substate log of an opportunity to reach a state, since actions run on the job executor. */
public final class SubstateChangeHistoryRows {

    private SubstateChangeHistoryRows() {
    }

    public static List<SubstateChangeHistoryRow> of(SubstateChangeHistoryQuery query, long opportunityId) {
        return query.page(PartnerScope.everything(), SubstateChangeHistoryFilter.ofOpportunity(opportunityId),
                HistorySort.asc("createdAt"), null, 500).items();
    }

    /** The row of the action with this BPMN id once it has its final status (completed or not). */
    public static SubstateChangeHistoryRow awaitOutcome(SubstateChangeHistoryQuery query, long opportunityId,
                                                        String activityId) {
        return awaitRow(query, opportunityId,
                row -> activityId.equals(row.activityId()) && row.action().status() != null);
    }

    public static SubstateChangeHistoryRow awaitRow(SubstateChangeHistoryQuery query, long opportunityId,
                                                    Predicate<SubstateChangeHistoryRow> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> of(query, opportunityId).stream().filter(condition).findFirst().orElse(null),
                        row -> row != null);
    }
}
