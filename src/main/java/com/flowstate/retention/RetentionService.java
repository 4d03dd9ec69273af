package com.flowstate.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditTrail;
import com.flowstate.history.CappedCount;
import com.flowstate.security.CurrentUser;

/**
 * How long each history tab and the audit trail keep their rows, and the purge that applies it (decision 0035):
 * settings read and changed by admins (every change audited), a dry run that counts what a purge would delete, a
 * purge now (audited) and the nightly one ({@link RetentionJob}). Camunda's own history follows the longest retention
 * of the action tabs ({@link EngineHistoryRetention}).
 */
@Service
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final RetentionPurge purge;
    private final EngineHistoryRetention engine;
    private final TransactionTemplate transactions;

    RetentionService(JdbcClient jdbc, AuditTrail audit, RetentionPurge purge, EngineHistoryRetention engine,
                     TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.purge = purge;
        this.engine = engine;
        this.transactions = transactions;
    }

    /** Every tab's retention, in the tabs' order. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<RetentionSetting> settings() {
        return read();
    }

    /**
     * Changes the retention of the tabs named in {@code days} (the others keep theirs); one audit row with the days
     * of every changed tab before and after. Nothing changes when one value is out of range.
     *
     * @throws RetentionDaysException naming the first tab whose days are missing or out of its range
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public List<RetentionSetting> update(Map<RetentionTab, Integer> days) {
        for (Map.Entry<RetentionTab, Integer> entry : days.entrySet()) {
            RetentionTab tab = entry.getKey();
            Integer value = entry.getValue();
            if (value == null || value < tab.minDays() || value > tab.maxDays()) {
                throw new RetentionDaysException(tab, value);
            }
        }
        Map<RetentionTab, Integer> current = daysByTab();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (Map.Entry<RetentionTab, Integer> entry : days.entrySet()) {
            RetentionTab tab = entry.getKey();
            if (current.get(tab).equals(entry.getValue())) {
                continue;
            }
            jdbc.sql("""
                            update retention_setting set days = ?, updated_at = now(), updated_by = ?
                            where tab = ?""")
                    .params(entry.getValue(), CurrentUser.require().getUsername(), tab.key())
                    .update();
            before.put(tab.key(), current.get(tab));
            after.put(tab.key(), entry.getValue());
        }
        if (!after.isEmpty()) {
            audit.record(AuditArea.RETENTION, "Retention", AuditChange.UPDATED, before, after);
            log.info("Retention changed: {} -> {}", before, after);
            engine.align(longestActionRetention(daysByTab()));
        }
        return read();
    }

    /** The dry run: how many rows each tab would lose now, each counted up to {@link CappedCount#CAP}. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ExpiredRows> expired() {
        Instant now = Instant.now();
        List<ExpiredRows> expired = new ArrayList<>();
        daysByTab().forEach((tab, days) -> {
            Instant cutoff = cutoff(now, days);
            CappedCount count = purge.expired(tab, cutoff);
            expired.add(new ExpiredRows(tab.key(), days, cutoff, count.value(), count.capped()));
        });
        return expired;
    }

    /**
     * Purges every tab's expired rows now, in batches, and records the run (what each tab lost) in the audit trail.
     *
     * @throws PurgeRunningException when a purge is running already, here or on another node
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<PurgedRows> purgeNow() {
        List<PurgedRows> purged = purgeExpired();
        Map<String, Object> after = new LinkedHashMap<>();
        purged.forEach(rows -> after.put(rows.tab(), rows.deleted()));
        transactions.executeWithoutResult(status ->
                audit.record(AuditArea.RETENTION, "Purge", AuditChange.EXECUTED, null, after));
        return purged;
    }

    /**
     * Purges every tab's expired rows (the nightly job; no user is signed in), and aligns Camunda's history
     * time-to-live with the action tabs first, so a flow deployed since then follows it too.
     *
     * @throws PurgeRunningException when a purge is running already, here or on another node
     */
    List<PurgedRows> purgeExpired() {
        return purge.exclusively(() -> {
            Map<RetentionTab, Integer> days = transactions.execute(status -> daysByTab());
            engine.align(longestActionRetention(days));
            Instant now = Instant.now();
            long started = System.nanoTime();
            List<PurgedRows> purged = new ArrayList<>();
            days.forEach((tab, tabDays) -> purged.add(purge.purge(tab, tabDays, cutoff(now, tabDays))));
            log.info("Retention purge deleted {} in {} ms", summary(purged),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return purged;
        });
    }

    private static String summary(List<PurgedRows> purged) {
        return purged.stream().map(rows -> rows.tab() + "=" + rows.deleted()).toList().toString();
    }

    private static Instant cutoff(Instant now, int days) {
        return now.minus(Duration.ofDays(days));
    }

    private static int longestActionRetention(Map<RetentionTab, Integer> days) {
        return days.entrySet().stream().filter(entry -> entry.getKey().isAction()).mapToInt(Map.Entry::getValue)
                .max().orElse(RetentionTab.DEFAULT_DAYS);
    }

    private Map<RetentionTab, Integer> daysByTab() {
        Map<RetentionTab, Integer> days = new EnumMap<>(RetentionTab.class);
        for (RetentionTab tab : RetentionTab.values()) {
            days.put(tab, RetentionTab.DEFAULT_DAYS);
        }
        jdbc.sql("select tab, days from retention_setting")
                .query(rs -> {
                    days.put(RetentionTab.of(rs.getString(1)), rs.getInt(2));
                });
        return days;
    }

    private List<RetentionSetting> read() {
        Map<String, RetentionSetting> byKey = new LinkedHashMap<>();
        jdbc.sql("select tab, days, updated_at, updated_by from retention_setting")
                .query(rs -> {
                    RetentionTab tab = RetentionTab.of(rs.getString(1));
                    var updated = rs.getTimestamp(3);
                    byKey.put(tab.key(), new RetentionSetting(tab.key(), rs.getInt(2), tab.minDays(), tab.maxDays(),
                            updated == null ? null : updated.toInstant(), rs.getString(4)));
                });
        List<RetentionSetting> settings = new ArrayList<>();
        for (RetentionTab tab : RetentionTab.values()) {
            settings.add(byKey.getOrDefault(tab.key(), new RetentionSetting(tab.key(), RetentionTab.DEFAULT_DAYS,
                    tab.minDays(), tab.maxDays(), null, null)));
        }
        return settings;
    }
}
