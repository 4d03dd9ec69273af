package com.flowstate.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.flow.FlowService;
import com.flowstate.opportunity.NewOpportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.TestData;

/**
 * Drives the action-throughput benchmark ({@link ActionThroughputBenchIT}): prepares the instances, makes their
 * substate changes, and waits until every action's history row is final, reading the times from the rows
 * themselves (Flowstate's history tables; Camunda's {@code act_hi_actinst} for the baseline). Built by the test, not
 * a bean: the shared test context stays as every other IT has it.
 */
class ActionBenchDriver {

    private static final Duration POLL = Duration.ofMillis(50);

    private final FlowService flows;
    private final OpportunityService opportunities;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcClient jdbc;
    private final TestData data;

    ActionBenchDriver(FlowService flows, OpportunityService opportunities, RuntimeService runtime,
                      ManagementService management, JdbcClient jdbc, TestData data) {
        this.flows = flows;
        this.opportunities = opportunities;
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
        this.data = data;
    }

    /** Opens n opportunities on the Flowstate version of the bench flow; their substate Bench is open. */
    List<String> opportunities(int n, int threads) {
        FlowstateUser admin = data.admin();
        String owner = data.internalUser();
        return parallel(n, threads, i -> {
            String customer = data.unique("Bench");
            var request = new NewOpportunity(null, customer, customer.toLowerCase() + "@customers.test",
                    "+39 333 1234567", "Via Roma 1", "Milano", "20121", "MI", null, null, owner, null,
                    ActionBenchFlow.FLOWSTATE.key());
            return SystemAuthentication.runAs(admin, () -> opportunities.create(request)).processInstanceId();
        });
    }

    /** Starts n instances of the baseline flow, with a business key that is no opportunity (so nothing projects). */
    List<String> baselineInstances(int n) {
        return parallel(n, 2, i -> runtime.startProcessInstanceByKey(ActionBenchFlow.BASELINE.key(),
                "bench-baseline-" + UUID.randomUUID()).getId());
    }

    /** Mode (a): the substate changes are made while the job executor runs. */
    ActionBenchRun whileRunning(ActionBenchFlow flow, List<String> instances, int threads) {
        Instant start = Instant.now();
        Map<String, Instant> changedAt = change(instances, threads);
        Instant end = awaitFinal(flow, instances);
        return run(flow, Duration.between(start, end), instances, changedAt::get);
    }

    /** Mode (b): the changes are made with the flow's jobs suspended, then resumed and drained. */
    ActionBenchRun backlog(ActionBenchFlow flow, List<String> instances, int threads) {
        management.suspendJobDefinitionByProcessDefinitionKey(flow.key(), true);
        try {
            change(instances, threads);
        } finally {
            long suspended = management.createJobQuery().processDefinitionKey(flow.key()).suspended().count();
            if (suspended < instances.size()) {
                throw new IllegalStateException("Only " + suspended + " of " + instances.size() + " first jobs of "
                        + flow.key() + " waited in the backlog");
            }
        }
        Instant resumed = Instant.now();
        management.activateJobDefinitionByProcessDefinitionKey(flow.key(), true);
        Instant end = awaitFinal(flow, instances);
        return run(flow, Duration.between(resumed, end), instances, instance -> resumed);
    }

    /** How many actions of these instances ended with each status (Flowstate's rows). */
    Map<String, Long> statuses(List<String> instances) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select status, count(*) as n from (" + FLOWSTATE_ROWS + ") rows group by status")
                .param("ids", String.join(",", instances))
                .query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n"))).list();
        return counts;
    }

    /** What the failed actions of these instances said, one line per action and error. */
    List<String> failures(List<String> instances) {
        return jdbc.sql("select distinct activity_id || ': ' || coalesce(last_error, '') from (" + FLOWSTATE_ROWS
                        + ") rows where status = 'FAILED'")
                .param("ids", String.join(",", instances)).query(String.class).list();
    }

    private Map<String, Instant> change(List<String> instances, int threads) {
        Map<String, Instant> changedAt = new ConcurrentHashMap<>();
        parallel(instances.size(), threads, i -> {
            flows.closeSubstate(instances.get(i), ActionBenchFlow.SUBSTATE);
            changedAt.put(instances.get(i), Instant.now());
            return null;
        });
        return changedAt;
    }

    private Instant awaitFinal(ActionBenchFlow flow, List<String> instances) {
        long expected = 3L * instances.size();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60)).plus(POLL.multipliedBy(instances.size()));
        while (finalRows(flow, instances).size() < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(flow.key() + ": only " + finalRows(flow, instances).size() + " of "
                        + expected + " actions reached a final history row in time");
            }
            sleep(POLL);
        }
        return Instant.now();
    }

    private ActionBenchRun run(ActionBenchFlow flow, Duration elapsed, List<String> instances,
                               java.util.function.Function<String, Instant> from) {
        System.out.println("[bench] " + flow.key() + ": " + instances.size() + " instances done in " + elapsed);
        List<FinalRow> rows = finalRows(flow, instances);
        Map<String, Instant> last = new HashMap<>();
        rows.forEach(row -> last.merge(row.instance(), row.at(), (a, b) -> a.isAfter(b) ? a : b));
        List<Duration> latencies = new ArrayList<>();
        last.forEach((instance, at) -> latencies.add(Duration.between(from.apply(instance), at)));
        latencies.sort(Comparator.naturalOrder());
        return new ActionBenchRun(flow, elapsed, rows.size(), latencies);
    }

    private record FinalRow(String instance, Instant at) {
    }

    /** The three actions' rows of these instances that are final (succeeded or failed), with their times. */
    private static final String FLOWSTATE_ROWS = """
            select process_instance_id, activity_id, status, last_error, updated_at from email_history
             where activity_id = 'BenchEmail' and process_instance_id = any(string_to_array(:ids, ','))
            union all
            select process_instance_id, activity_id, status, last_error, updated_at from activity_history
             where activity_id = 'BenchActivity' and process_instance_id = any(string_to_array(:ids, ','))
            union all
            select process_instance_id, activity_id, status, last_error, updated_at from substate_change_history
             where activity_id = 'BenchOpenDone' and process_instance_id = any(string_to_array(:ids, ','))""";

    private static final String BASELINE_ROWS = """
            select proc_inst_id_ as process_instance_id, end_time_ as updated_at from act_hi_actinst
             where act_id_ in ('BenchEmail', 'BenchActivity', 'BenchOpenDone') and end_time_ is not null
               and proc_inst_id_ = any(string_to_array(:ids, ','))""";

    private List<FinalRow> finalRows(ActionBenchFlow flow, List<String> instances) {
        String sql = flow == ActionBenchFlow.BASELINE ? BASELINE_ROWS
                : "select * from (" + FLOWSTATE_ROWS + ") rows where status in ('SUCCEEDED', 'FAILED')";
        return jdbc.sql(sql).param("ids", String.join(",", instances))
                .query((rs, row) -> new FinalRow(rs.getString("process_instance_id"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    private static <T> List<T> parallel(int n, int threads, IntFunction<T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> work.apply(index)));
            }
            List<T> results = new ArrayList<>(n);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
