package com.flowstate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.action.email.EmailHistoryFilter;
import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.history.HistorySort;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.CompanyKind;
import com.flowstate.retention.PurgedRows;
import com.flowstate.retention.RetentionService;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * Issue 11: "retention purges 1M expired rows in batches while a history tab keeps answering (its p95 reported)".
 * Seeds expired e-mail history rows (six years old, each with an attempt and a delivery record, set-based) beside
 * recent ones, then reads the E-mail tab's first page in a loop: first without a purge (the baseline), then while
 * the purge runs. Smoke size in {@code ./mvnw verify} (20k expired rows), full size with {@code -Pbench} (1M;
 * {@code -Dbench.retention.rows=n} for any other). Asserts only that every expired row was purged, the recent ones
 * kept, and every query answered; the p95s are reported (docs/benchmarks.md).
 */
@IntegrationTest
class RetentionPurgeBenchIT {

    private static final String SCENARIO = "7. Retention purge";
    private static final int PAGE = 50;
    private static final int RECENT = 20_000;

    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired EmailHistoryQuery emails;
    @Autowired RetentionService retention;

    @Test
    void purgesExpiredRowsInBatchesWhileTheEmailTabKeepsAnswering() throws Exception {
        int expired = BenchResults.size("bench.retention.rows", 20_000, 1_000_000);
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER),
                data.partner(CompanyKind.SELLER));
        String tag = data.unique("retention-bench");
        seed(tag, opportunity.id(), expired, "now() - interval '6 years' + j * interval '1 second'");
        seed(tag + "-recent", opportunity.id(), RECENT, "now() - j * interval '1 minute'");
        jdbc.sql("analyze email_history").update();
        jdbc.sql("analyze action_attempt").update();

        List<Double> baseline = timeQueries(() -> false, 300);

        AtomicBoolean purging = new AtomicBoolean(true);
        long started = System.nanoTime();
        CompletableFuture<List<PurgedRows>> purge = CompletableFuture.supplyAsync(() -> {
            try {
                return SystemAuthentication.runAs(data.admin(), () -> retention.purgeNow());
            } finally {
                purging.set(false);
            }
        });
        List<Double> during = timeQueries(purging::get, 0);
        List<PurgedRows> purged = purge.get();
        double seconds = (System.nanoTime() - started) / 1e9;

        long emailPurged = purged.stream().filter(rows -> rows.tab().equals("email"))
                .mapToLong(PurgedRows::deleted).sum();
        int batches = purged.stream().filter(rows -> rows.tab().equals("email")).mapToInt(PurgedRows::batches).sum();
        assertThat(emailPurged).isGreaterThanOrEqualTo(expired);
        assertThat(count("email_history", tag + "-%")).isEqualTo(RECENT);
        assertThat(count("email_history", tag + "-e%")).isZero();
        assertThat(count("action_attempt", tag + "-e%")).isZero();
        assertThat(count("email_delivery", tag + "-e%")).isZero();
        assertThat(during).isNotEmpty();

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("expiredRows", expired);
        parameters.put("recentRows", RECENT);
        parameters.put("childrenPerRow", 2);
        parameters.put("batches", batches);
        parameters.put("queriesDuringPurge", during.size());
        BenchResults.record(SCENARIO, parameters, List.of(
                BenchFigure.higherIsBetter(SCENARIO, "purge, expired e-mail rows/s (with their children)",
                        emailPurged / seconds, "rows/s"),
                BenchFigure.lowerIsBetter(SCENARIO, "E-mail tab first page during the purge, p95", p95(during), "ms")
                        .against("the same query with no purge", p95(baseline)),
                BenchFigure.lowerIsBetter(SCENARIO, "E-mail tab first page during the purge, max", max(during),
                        "ms")));
    }

    /** Rows whose keys are {@code tag-e<n>} (expired ones) or {@code tag-recent-e<n>}, each with two children. */
    private void seed(String tag, long opportunityId, int rows, String createdAt) {
        jdbc.sql("""
                        insert into email_history (execution_key, opportunity_id, process_instance_id, activity_id,
                            trigger, template_name, smtp_credential_name, recipient_role, recipient_email, status,
                            attempts, subject, created_at, updated_at)
                        select format('%s-e%s', ?, j), ?, 'bench-pi', 'SendEmail', 'OPEN', 'welcome',
                               'Platform SMTP', 'CUSTOMER', format('c%s@bench.example', j), 'SUCCEEDED', 1,
                               'Il tuo impianto', """ + createdAt + ", " + createdAt + """
                        from generate_series(1, ?) j""")
                .params(tag, opportunityId, rows).update();
        jdbc.sql("""
                        insert into action_attempt (execution_key, action, attempt, origin, ended_at, outcome)
                        select format('%s-e%s', ?, j), 'email', 1, 'FLOW', now(), 'SUCCEEDED'
                        from generate_series(1, ?) j""").params(tag, rows).update();
        jdbc.sql("""
                        insert into email_delivery (execution_key, message_id, recipient_email)
                        select format('%s-e%s', ?, j), format('<%s.%s@bench>', ?, j), 'c@bench.example'
                        from generate_series(1, ?) j""").params(tag, tag, rows).update();
    }

    /** Times the E-mail tab's first page, newest first: {@code times} times, or (0) for as long as {@code going}. */
    private List<Double> timeQueries(BooleanSupplier going, int times) {
        List<Double> millis = new ArrayList<>();
        do {
            long start = System.nanoTime();
            int rows = emails.page(PartnerScope.everything(), EmailHistoryFilter.empty(), HistorySort.NEWEST_FIRST,
                    null, PAGE).items().size();
            millis.add((System.nanoTime() - start) / 1e6);
            assertThat(rows).isEqualTo(PAGE);
        } while (times > 0 ? millis.size() < times : going.getAsBoolean());
        return millis;
    }

    private long count(String table, String keyPattern) {
        return jdbc.sql("select count(*) from " + table + " where execution_key like ?").param(keyPattern)
                .query(Long.class).single();
    }

    private static double p95(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    }

    private static double max(List<Double> millis) {
        return Collections.max(millis);
    }
}
