package com.flowstate.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.flowstate.action.activity.ActivityHistoryFilter;
import com.flowstate.action.activity.ActivityHistoryQuery;
import com.flowstate.action.activity.ActivityHistoryRow;
import com.flowstate.history.HistorySort;
import com.flowstate.security.PartnerScope;

/** Waits for the Activities tab of an opportunity to reach a state, since actions run on the job executor. */
public final class ActivityHistoryRows {

    private ActivityHistoryRows() {
    }

    public static List<ActivityHistoryRow> of(ActivityHistoryQuery query, long opportunityId) {
        return query.page(PartnerScope.everything(), ActivityHistoryFilter.ofOpportunity(opportunityId),
                HistorySort.asc("createdAt"), null, 500).items();
    }

    /** The opportunity's row whose subject starts with {@code subjectPrefix}, once it meets the condition. */
    public static ActivityHistoryRow awaitRow(ActivityHistoryQuery query, long opportunityId, String subjectPrefix,
                                              Predicate<ActivityHistoryRow> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> of(query, opportunityId).stream()
                        .filter(row -> row.subject() != null && row.subject().startsWith(subjectPrefix)
                                && condition.test(row))
                        .findFirst().orElse(null), row -> row != null);
    }
}
