package com.flowstate.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.flowstate.history.ActivityHistoryFilter;
import com.flowstate.history.ActivityHistoryQuery;
import com.flowstate.history.ActivityHistoryRow;
import com.flowstate.history.ActivityHistorySort;
import com.flowstate.history.SortDirection;
import com.flowstate.security.PartnerScope;

/** Waits for the Activities tab of an opportunity to reach a state, since actions run on the job executor. */
public final class ActivityHistoryRows {

    private ActivityHistoryRows() {
    }

    public static List<ActivityHistoryRow> of(ActivityHistoryQuery query, long opportunityId) {
        return query.page(PartnerScope.everything(), ActivityHistoryFilter.empty().withOpportunityId(opportunityId),
                ActivityHistorySort.CREATED_AT, SortDirection.ASC, null, 500).items();
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
