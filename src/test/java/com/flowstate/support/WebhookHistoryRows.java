package com.flowstate.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.flowstate.action.webhook.WebhookHistoryFilter;
import com.flowstate.action.webhook.WebhookHistoryQuery;
import com.flowstate.action.webhook.WebhookHistoryRow;
import com.flowstate.history.HistorySort;
import com.flowstate.security.PartnerScope;

/** Waits for the webhook history of an opportunity to reach a state, since actions run on the job executor. */
public final class WebhookHistoryRows {

    private WebhookHistoryRows() {
    }

    public static List<WebhookHistoryRow> of(WebhookHistoryQuery query, long opportunityId) {
        return query.page(PartnerScope.everything(), WebhookHistoryFilter.ofOpportunity(opportunityId),
                HistorySort.asc("createdAt"), null, 500).items();
    }

    public static WebhookHistoryRow awaitRow(WebhookHistoryQuery query, long opportunityId,
                                             Predicate<WebhookHistoryRow> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> of(query, opportunityId).stream().filter(condition).findFirst().orElse(null),
                        row -> row != null);
    }
}
