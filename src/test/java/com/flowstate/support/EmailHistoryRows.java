package com.flowstate.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.flowstate.action.email.EmailHistoryFilter;
import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.action.email.EmailHistoryRow;
import com.flowstate.history.HistorySort;
import com.flowstate.security.PartnerScope;

/** Waits for the e-mail history of an opportunity to reach a state, since actions run on the job executor. */
public final class EmailHistoryRows {

    private EmailHistoryRows() {
    }

    public static List<EmailHistoryRow> of(EmailHistoryQuery query, long opportunityId) {
        return query.page(PartnerScope.everything(), EmailHistoryFilter.ofOpportunity(opportunityId),
                HistorySort.asc("createdAt"), null, 500).items();
    }

    public static EmailHistoryRow awaitRow(EmailHistoryQuery query, long opportunityId, String template,
                                           Predicate<EmailHistoryRow> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> of(query, opportunityId).stream()
                        .filter(row -> row.template().equals(template) && condition.test(row))
                        .findFirst().orElse(null), row -> row != null);
    }
}
