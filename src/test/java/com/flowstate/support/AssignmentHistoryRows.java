package com.flowstate.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.flowstate.action.assignment.AssignmentHistoryFilter;
import com.flowstate.action.assignment.AssignmentHistoryQuery;
import com.flowstate.action.assignment.AssignmentHistoryRow;
import com.flowstate.history.ActionStatus;
import com.flowstate.history.HistorySort;
import com.flowstate.security.PartnerScope;

/**
 * Reads, and waits for, the Assignment tab rows of an opportunity, since actions run on the job executor. The rows
 * of the assignment test flow are told apart by their substate: the opportunity's own flow may assign partners too.
 */
public final class AssignmentHistoryRows {

    /** The substate of the assignment test flow whose opening assigns (src/test/resources/bpmn). */
    public static final String TEST_FLOW_SUBSTATE = "TestSurvey";

    private AssignmentHistoryRows() {
    }

    /** Every row of the opportunity, oldest first, as a platform user sees them. */
    public static List<AssignmentHistoryRow> of(AssignmentHistoryQuery query, long opportunityId) {
        return query.page(PartnerScope.everything(), AssignmentHistoryFilter.ofOpportunity(opportunityId),
                HistorySort.asc("createdAt"), null, 500).items();
    }

    /** The rows the assignment test flow made: its action's, then those that followed rejections, oldest first. */
    public static List<AssignmentHistoryRow> ofTestFlow(AssignmentHistoryQuery query, long opportunityId) {
        return of(query, opportunityId).stream()
                .filter(row -> TEST_FLOW_SUBSTATE.equals(row.action().substateKey())).toList();
    }

    public static AssignmentHistoryRow awaitTestFlowRow(AssignmentHistoryQuery query, long opportunityId,
                                                        Predicate<AssignmentHistoryRow> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> ofTestFlow(query, opportunityId).stream().filter(condition).findFirst().orElse(null),
                        row -> row != null);
    }

    /** Waits until every assignment already scheduled for the opportunity (by any flow) has its outcome. */
    public static void awaitAllFinished(AssignmentHistoryQuery query, long opportunityId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> of(query, opportunityId).stream()
                        .allMatch(row -> row.action().state() == ActionStatus.SUCCEEDED
                                || row.action().state() == ActionStatus.FAILED));
    }
}
