package com.flowstate.retry;

import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.ActionReruns;
import com.flowstate.action.AttemptOrigin;
import com.flowstate.history.ActionHistoryRow;
import com.flowstate.history.ActionStatus;
import com.flowstate.history.CappedCount;
import com.flowstate.history.HistoryQuery;
import com.flowstate.history.HistorySort;
import com.flowstate.history.Page;
import com.flowstate.i18n.Reason;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.PartnerScope;

/**
 * Retry, resend and the attempt log of history rows, for the tabs and the REST API alike. Retry and resend are for
 * platform staff (ADMIN, INTERNAL: their scope is every opportunity); the attempts of a row for anyone who may see
 * the row. A row outside the user's scope is answered like one that does not exist.
 *
 * <p>A retry is idempotent per row: it takes a row only while the row is {@code FAILED}, and turns it
 * {@code SCHEDULED} in the same statement, so a second click, a second request or a second node finds it taken and
 * skips it; the job of the retry is created in the same transaction.
 */
@Service
public class RetryService {

    private static final String STAFF = "hasAnyRole('ADMIN', 'INTERNAL')";
    /** Rows taken per statement of a bulk retry. */
    private static final int CHUNK = 500;

    private final RetryTabs tabs;
    private final ActionReruns reruns;
    private final ActionRetryJobs jobs;
    private final JdbcClient jdbc;

    RetryService(RetryTabs tabs, ActionReruns reruns, ActionRetryJobs jobs, JdbcClient jdbc) {
        this.tabs = tabs;
        this.reruns = reruns;
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    /** What the current user may do with a tab's rows: the tabs show buttons accordingly. */
    public record Abilities(boolean retry, boolean resend) {
    }

    /** Whether the current user may retry or resend rows of this action's tab. */
    public Abilities abilities(String action) {
        boolean staff = isStaff();
        return tabs.ofAction(action).map(tab -> new Abilities(staff && tab.target().retryable(),
                staff && tab.target().resendable())).orElse(new Abilities(false, false));
    }

    /** The key of an action's tab, as the retry methods take it. */
    public java.util.Optional<String> tabKey(String action) {
        return tabs.ofAction(action).map(RetryTabs.Tab::key);
    }

    /** The row a resent row repeats, if it is a resend (in the user's scope, like the row). */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> resendOf(String tabKey, long rowId) {
        RetryTabs.Tab tab = tabs.resolve(tabKey);
        if (!tab.target().resendable()) {
            return java.util.Optional.empty();
        }
        row(tab, rowId, CurrentUser.scope());
        return jdbc.sql("select resend_of from " + tab.target().historyTable() + " where id = ?").param(rowId)
                .query((rs, n) -> rs.getObject(1, Long.class)).optional().filter(java.util.Objects::nonNull);
    }

    /** The attempts of a row, in order. */
    @Transactional(readOnly = true)
    public List<AttemptEntry> attempts(String tabKey, long rowId) {
        RetryTabs.Tab tab = tabs.resolve(tabKey);
        Row row = row(tab, rowId, CurrentUser.scope());
        return jdbc.sql("""
                        select a.attempt, a.origin, a.requested_by, u.display_name, a.started_at, a.ended_at,
                               a.outcome, a.reason, a.reason_code, a.reason_params
                          from action_attempt a left join app_user u on u.username = a.requested_by
                         where a.execution_key = ?
                         order by a.attempt, a.id""")
                .param(row.executionKey())
                .query((rs, n) -> new AttemptEntry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(9) == null ? Map.of()
                                : Reason.stored(rs.getString(9), rs.getString(10), rs.getString(8)).params()))
                .list();
    }

    /**
     * Runs a failed execution again with its original inputs, updating the same row.
     *
     * @throws RetryTargetNotFoundException no such tab or row in the user's scope
     * @throws RetryRefusedException        the row is not failed, or its action cannot be retried
     */
    @PreAuthorize(STAFF)
    @Transactional
    public void retry(String tabKey, long rowId) {
        RetryTabs.Tab tab = retryableTab(tabKey);
        Row row = row(tab, rowId, CurrentUser.scope());
        if (row.status() != ActionStatus.FAILED) {
            throw new RetryRefusedException("retry.refused.notFailed", "Only a failed execution can be retried;"
                    + " row " + rowId + " is " + row.status());
        }
        requireInputs(row);
        if (take(tab, List.of(rowId)).isEmpty()) {
            throw new RetryRefusedException("retry.refused.notFailed", "Row " + rowId + " is already being retried");
        }
        jobs.schedule(row.executionKey(), AttemptOrigin.retry(username()), null);
    }

    /**
     * Sends a succeeded e-mail or report again: a new execution with the original inputs, a new row linked to the
     * original ({@code resend_of}), a new Message-ID.
     *
     * @return the new row's id
     */
    @PreAuthorize(STAFF)
    @Transactional
    public long resend(String tabKey, long rowId) {
        RetryTabs.Tab tab = tabs.resolve(tabKey);
        if (!tab.target().resendable()) {
            throw new RetryRefusedException("retry.refused.notResendable", "The " + tab.key()
                    + " tab's rows cannot be resent; only e-mails and reports can");
        }
        Row row = row(tab, rowId, CurrentUser.scope());
        if (row.status() != ActionStatus.SUCCEEDED) {
            throw new RetryRefusedException("retry.refused.notSucceeded", "Only a sent execution can be resent;"
                    + " row " + rowId + " is " + row.status());
        }
        requireInputs(row);
        String key = reruns.prepareResend(tab.target(), rowId, row.executionKey());
        jobs.schedule(key, AttemptOrigin.resend(username()), null);
        return jdbc.sql("select id from " + tab.target().historyTable() + " where execution_key = ?").param(key)
                .query(Long.class).single();
    }

    /**
     * How many failed rows of the tab match the filter in the user's scope: what "retry all" would take, counted up to
     * {@link CappedCount#CAP} (a confirmation needs "10,000+", not a walk through every failed row of 10M).
     */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public CappedCount countFailed(String tabKey, Object filter) {
        return CappedCount.of(failedIds(retryableTab(tabKey), filter, CappedCount.CAP + 1).size());
    }

    /** Retries every failed row of the tab that matches the filter, as a batch. */
    @PreAuthorize(STAFF)
    @Transactional
    public RetryBatchProgress retryMatching(String tabKey, Object filter) {
        RetryTabs.Tab tab = retryableTab(tabKey);
        return retryAll(tab, failedIds(tab, filter));
    }

    /** Retries the chosen rows as a batch; rows not failed (or already being retried) are skipped. */
    @PreAuthorize(STAFF)
    @Transactional
    public RetryBatchProgress retrySelected(String tabKey, Collection<Long> rowIds) {
        RetryTabs.Tab tab = retryableTab(tabKey);
        if (rowIds == null || rowIds.isEmpty()) {
            throw new IllegalArgumentException("Give the ids of the rows to retry, or no body to retry every failed"
                    + " row matching the filters");
        }
        PartnerScope scope = CurrentUser.scope();
        for (Long id : new LinkedHashSet<>(rowIds)) {
            row(tab, id, scope);
        }
        return retryAll(tab, new ArrayList<>(new LinkedHashSet<>(rowIds)));
    }

    /** How far a bulk retry got. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public RetryBatchProgress batch(long batchId) {
        return jdbc.sql("""
                        select b.id, b.action, count(i.execution_key) total, count(i.done_at) done,
                               count(*) filter (where i.outcome = 'SUCCEEDED') succeeded,
                               count(*) filter (where i.outcome = 'FAILED') failed
                          from retry_batch b left join retry_batch_item i on i.batch_id = b.id
                         where b.id = ?
                         group by b.id, b.action""")
                .param(batchId)
                .query((rs, n) -> new RetryBatchProgress(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(4) >= rs.getInt(3)))
                .optional()
                .orElseThrow(() -> new RetryTargetNotFoundException("No retry batch " + batchId));
    }

    /** The filter record type of a tab, for binding request parameters. */
    Class<?> filterType(String tabKey) {
        return tabs.resolve(tabKey).filterType();
    }

    private RetryBatchProgress retryAll(RetryTabs.Tab tab, List<Long> ids) {
        long batchId = jdbc.sql("insert into retry_batch (action, requested_by) values (?, ?) returning id")
                .params(tab.target().name(), username()).query(Long.class).single();
        AttemptOrigin origin = AttemptOrigin.retry(username());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            for (String key : take(tab, ids.subList(from, Math.min(ids.size(), from + CHUNK)))) {
                jdbc.sql("insert into retry_batch_item (batch_id, execution_key) values (?, ?)")
                        .params(batchId, key).update();
                jobs.schedule(key, origin, batchId);
            }
        }
        return batch(batchId);
    }

    /**
     * Turns the rows that are {@code FAILED} and have stored inputs {@code SCHEDULED}, in one statement: the rows it
     * returns are this request's to retry, and no other request's.
     */
    private List<String> take(RetryTabs.Tab tab, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String table = tab.target().historyTable();
        return jdbc.sql("update " + table + " h set status = 'SCHEDULED', updated_at = now()"
                        + " where h.id in (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")"
                        + " and h.status = 'FAILED'"
                        + " and exists (select 1 from action_input i where i.execution_key = h.execution_key)"
                        + " returning h.execution_key")
                .params(new ArrayList<Object>(ids)).query(String.class).list();
    }

    private List<Long> failedIds(RetryTabs.Tab tab, Object filter) {
        return failedIds(tab, filter, Integer.MAX_VALUE);
    }

    /** The ids of the failed rows matching the filter, oldest first, at most {@code limit}. */
    private List<Long> failedIds(RetryTabs.Tab tab, Object filter, int limit) {
        Object onlyFailed = onlyFailed(tab, filter);
        @SuppressWarnings("unchecked")
        HistoryQuery<ActionHistoryRow, Object> query = (HistoryQuery<ActionHistoryRow, Object>) tab.query();
        PartnerScope scope = CurrentUser.scope();
        Set<Long> ids = new LinkedHashSet<>();
        String cursor = null;
        do {
            Page<ActionHistoryRow> page = query.page(scope, onlyFailed, HistorySort.asc("createdAt"), cursor,
                    HistoryQuery.MAX_PAGE_SIZE);
            page.items().stream().filter(row -> row.state() == ActionStatus.FAILED).forEach(row -> ids.add(row.id()));
            cursor = page.nextCursor();
        } while (cursor != null && ids.size() < limit);
        return new ArrayList<>(ids);
    }

    /** The tab's filter with its seed status set to false (failed), when it has one: fewer rows to read. */
    private static Object onlyFailed(RetryTabs.Tab tab, Object filter) {
        Class<?> type = tab.filterType();
        if (filter == null || !type.isInstance(filter) || !type.isRecord()) {
            throw new IllegalArgumentException("Expected the filters of the " + tab.key() + " tab");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        boolean hasStatus = false;
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(filter);
                if (components[i].getName().equals("status") && components[i].getType() == Boolean.class) {
                    values[i] = Boolean.FALSE;
                    hasStatus = true;
                }
            }
            if (!hasStatus) {
                return filter;
            }
            var constructor = type.getDeclaredConstructor(java.util.Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot narrow the filter of the " + tab.key() + " tab", e);
        }
    }

    private RetryTabs.Tab retryableTab(String tabKey) {
        RetryTabs.Tab tab = tabs.resolve(tabKey);
        if (!tab.target().retryable()) {
            throw new RetryRefusedException("retry.refused.notRetryable", "The " + tab.key() + " tab's rows cannot"
                    + " be retried: their action changes the flow; open or close the substate on the opportunity");
        }
        return tab;
    }

    private void requireInputs(Row row) {
        if (!reruns.hasInputs(row.executionKey())) {
            throw new RetryRefusedException("retry.refused.noInputs", "Row " + row.id() + " ran before original"
                    + " inputs were kept; it cannot be run again");
        }
    }

    private record Row(long id, String executionKey, ActionStatus status) {
    }

    private Row row(RetryTabs.Tab tab, long rowId, PartnerScope scope) {
        StringBuilder sql = new StringBuilder("select h.id, h.execution_key, h.status from ")
                .append(tab.target().historyTable())
                .append(" h left join opportunity o on o.id = h.opportunity_id where h.id = ?");
        List<Object> params = new ArrayList<>(List.of(rowId));
        if (scope.isRestricted()) {
            sql.append(" and (o.installer_id = ? or o.seller_id = ?)");
            params.add(scope.companyId().getAsLong());
            params.add(scope.companyId().getAsLong());
        }
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), ActionStatus.valueOf(rs.getString(3))))
                .optional()
                .orElseThrow(() -> new RetryTargetNotFoundException("No row " + rowId + " in the " + tab.key()
                        + " tab"));
    }

    private static boolean isStaff() {
        return CurrentUser.get().map(user -> user.hasRole(com.flowstate.security.Role.ADMIN)
                || user.hasRole(com.flowstate.security.Role.INTERNAL)).orElse(false);
    }

    private static String username() {
        return CurrentUser.require().getUsername();
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
