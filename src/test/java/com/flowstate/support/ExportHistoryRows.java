package com.flowstate.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.flowstate.history.ExportHistoryFilter;
import com.flowstate.history.ExportHistoryQuery;
import com.flowstate.history.ExportHistoryRow;
import com.flowstate.history.ExportHistorySort;
import com.flowstate.history.SortDirection;
import com.flowstate.security.PartnerScope;

/** Waits for Exports tab rows to reach a state, since exports run on the job executor. */
public final class ExportHistoryRows {

    private ExportHistoryRows() {
    }

    /** Every row of the template (name contains), oldest first, as a platform user sees them. */
    public static List<ExportHistoryRow> ofTemplate(ExportHistoryQuery query, String template) {
        return query.page(PartnerScope.everything(), ExportHistoryFilter.empty().withTemplate(template),
                ExportHistorySort.CREATED_AT, SortDirection.ASC, null, 500).items();
    }

    /** The first row of the template that meets the condition, within 60 s. */
    public static ExportHistoryRow awaitRow(ExportHistoryQuery query, String template,
                                            Predicate<ExportHistoryRow> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ofTemplate(query, template).stream().filter(condition).findFirst().orElse(null),
                        row -> row != null);
    }
}
