package com.flowstate.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.flowstate.history.SortDirection;
import com.flowstate.history.WebhookHistoryFilter;
import com.flowstate.history.WebhookHistoryQuery;
import com.flowstate.history.WebhookHistoryRow;
import com.flowstate.history.WebhookHistorySort;
import com.flowstate.security.PartnerScope;

/** Waits for the webhook history of an opportunity to reach a state, since actions run on the job executor. */
public final class WebhookHistoryRows {

    private WebhookHistoryRows() {
    }

    public static List<WebhookHistoryRow> of(WebhookHistoryQuery query, long opportunityId) {
        return query.page(PartnerScope.everything(), WebhookHistoryFilter.empty().withOpportunityId(opportunityId),
                WebhookHistorySort.CREATED_AT, SortDirection.ASC, null, 500).items();
    }

    public static WebhookHistoryRow awaitRow(WebhookHistoryQuery query, long opportunityId,
                                             Predicate<WebhookHistoryRow> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> of(query, opportunityId).stream().filter(condition).findFirst().orElse(null),
                        row -> row != null);
    }
}
