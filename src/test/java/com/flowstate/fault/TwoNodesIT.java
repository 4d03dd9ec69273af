package com.flowstate.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Fault suite, two nodes: two application JVMs on one PostgreSQL (the machine's, 127.0.0.1:5432, a fresh database
 * per run, dropped after) share the job executor; a burst of manual substate changes goes to both, and one node is
 * killed (SIGKILL) halfway. The survivor takes the dead node's requests (as a proxy would send them) and, once their
 * lock time has passed, its locked jobs: every action runs exactly once, the history is complete, nothing is left.
 * Separate processes, not the shared {@code @IntegrationTest} context: two nodes and a kill. Without a PostgreSQL on
 * 127.0.0.1:5432 it is skipped, and fails when {@code CI=true} (CI machines have one). CI size 100 changes;
 * {@code -Dfault.size=1000} for the full run.
 */
class TwoNodesIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private final FaultClient client = new FaultClient();

    @Test
    void twoNodesShareTheJobsAndTheSurvivorOfAKillFinishesTheDeadNodesWorkExactlyOnce() throws Exception {
        requirePostgres();
        int size = FaultRun.size();
        Path dir = FaultRun.directory("two-nodes");
        String database = "flowstate_fault_" + System.currentTimeMillis();
        execute("create database " + database);
        try (FaultMailbox mailbox = new FaultMailbox()) {
            Map<String, String> env = FaultRun.environment(mailbox);
            env.put("FLOWSTATE_DB_URL", SERVER + database);
            env.put("FLOWSTATE_DB_USER", USER);
            env.put("FLOWSTATE_DB_PASSWORD", "");
            AppProcess a = AppProcess.of("node-a", AppProcess.freePort(), env, FaultRun.arguments(),
                    dir.resolve("node-a.log"));
            AppProcess b = AppProcess.of("node-b", AppProcess.freePort(), env, FaultRun.arguments(),
                    dir.resolve("node-b.log"));
            ActionLedger ledger = new ActionLedger(SERVER + database, USER);
            Map<String, Duration> timings = new LinkedHashMap<>();
            List<URI> both = List.of(a.base(), b.base());
            Burst burst = new Burst(client, () -> both, 4);
            try {
                // One after the other: the first start creates the schemas (Flyway, Camunda), which must not race.
                timings.put("node A start → ready", a.start().awaitReady(FaultRun.STARTUP));
                timings.put("node B start → ready", b.start().awaitReady(FaultRun.STARTUP));
                client.deployFlow(a.base());
                List<Long> opportunities = FaultRun.openOpportunities(client, both, dir.getFileName().toString(),
                        size);

                Future<Burst.Result> fired = burst.fire(opportunities, Duration.ofMinutes(15));
                assertThat(burst.awaitHalfway(Duration.ofMinutes(5))).as("half the burst acknowledged").isTrue();
                // Kill B while it holds jobs: a moment when both nodes hold some (a few seconds at most).
                Instant bothBusy = Instant.now().plusSeconds(20);
                while (ledger.nodesHoldingJobs() < 2 && Instant.now().isBefore(bothBusy)) {
                    AppProcess.pause(Duration.ofMillis(50));
                }
                b.kill();
                Instant killed = Instant.now();
                Set<String> inFlight = ledger.lockedJobInstances();
                Set<String> heldByB = ledger.lockedJobIds();
                // A's jobs of the moment finish within seconds; what is still locked then, B held.
                AppProcess.pause(Duration.ofSeconds(3));
                heldByB.retainAll(ledger.lockedJobIds());
                Burst.Result result = fired.get(16, TimeUnit.MINUTES);
                Duration done = FaultRun.awaitAllDone(ledger, killed, Duration.ofMinutes(10))
                        .orElse(Duration.ofMinutes(-1));
                timings.put("kill of B → all actions done on A (-60 s: never)", done);

                FaultReport report = new FaultReport(dir.getFileName().toString(), size, result,
                        ledger.read(opportunities), mailbox.deliveries(), heldByB.size(), ledger.messageIdsOf(inFlight),
                        timings)
                        .publish(dir.resolve("report.txt"));
                FaultRun.assertExactlyOnce(report);
            } finally {
                burst.close();
                b.stop();
                a.stop();
                execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    private static void requirePostgres() {
        try (Connection ignored = DriverManager.getConnection(SERVER + "postgres?connectTimeout=3", USER, "")) {
            // reachable
        } catch (SQLException e) {
            String reason = "No PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) for the two-node test: "
                    + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
