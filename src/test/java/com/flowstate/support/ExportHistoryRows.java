package com.flowstate.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.flowstate.action.export.ExportHistoryFilter;
import com.flowstate.action.export.ExportHistoryQuery;
import com.flowstate.action.export.ExportHistoryRow;
import com.flowstate.history.HistorySort;
import com.flowstate.security.PartnerScope;

/** Waits for Exports tab rows to reach a state, since exports run on the job executor. */
public final class ExportHistoryRows {

    private ExportHistoryRows() {
    }

    /** Every row of the template (name contains), oldest first, as a platform user sees them. */
    public static List<ExportHistoryRow> ofTemplate(ExportHistoryQuery query, String template) {
        return query.page(PartnerScope.everything(), ExportHistoryFilter.ofTemplate(template),
                HistorySort.asc("createdAt"), null, 500).items();
    }

    /** The first row of the template that meets the condition, within 60 s. */
    public static ExportHistoryRow awaitRow(ExportHistoryQuery query, String template,
                                            Predicate<ExportHistoryRow> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ofTemplate(query, template).stream().filter(condition).findFirst().orElse(null),
                        row -> row != null);
    }
}
