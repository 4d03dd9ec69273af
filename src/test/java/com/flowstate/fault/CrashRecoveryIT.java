package com.flowstate.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Fault suite, crash: the application in a JVM of its own on its default embedded PostgreSQL, killed with SIGKILL in
 * the middle of a burst of manual substate changes and started again with the same command on the same data. Every
 * action runs exactly once, the history is complete, and the time to recover is reported (target/fault/crash-*).
 * Not the shared {@code @IntegrationTest} context: the point is to kill the application, so it runs as a separate
 * process ({@link AppProcess}). CI size 100 changes; {@code -Dfault.size=1000} for the full run.
 */
class CrashRecoveryIT {

    private final FaultClient client = new FaultClient();

    @Test
    void aNodeKilledMidBurstRestartsWithTheSameCommandAndRunsEveryActionExactlyOnce() throws Exception {
        int size = FaultRun.size();
        Path dir = FaultRun.directory("crash");
        Path data = dir.resolve("pgdata");
        int databasePort = AppProcess.freePort();
        try (FaultMailbox mailbox = new FaultMailbox()) {
            Map<String, String> env = FaultRun.environment(mailbox);
            env.put("FLOWSTATE_EMBEDDED_DB_DIR", data.toString());
            env.put("FLOWSTATE_EMBEDDED_DB_PORT", String.valueOf(databasePort));
            AppProcess node = AppProcess.of("node", AppProcess.freePort(), env, FaultRun.arguments(),
                    dir.resolve("node.log"));
            ActionLedger ledger = new ActionLedger("jdbc:postgresql://127.0.0.1:" + databasePort + "/flowstate",
                    "postgres");
            Map<String, Duration> timings = new LinkedHashMap<>();
            Burst burst = new Burst(client, () -> List.of(node.base()), 4);
            try {
                timings.put("first start → ready", node.start().awaitReady(FaultRun.STARTUP));
                client.deployFlow(node.base());
                List<Long> opportunities = FaultRun.openOpportunities(client, List.of(node.base()), dir.getFileName()
                        .toString(), size);

                Future<Burst.Result> fired = burst.fire(opportunities, Duration.ofMinutes(15));
                assertThat(burst.awaitHalfway(Duration.ofMinutes(5))).as("half the burst acknowledged").isTrue();
                node.kill();
                Instant killed = Instant.now();
                // The orphaned postmaster still answers: which actions were in flight (locked) when the node died.
                Set<String> inFlight = ledger.lockedJobInstances();

                Instant restarted = Instant.now();
                node.start();
                timings.put("restart → ready", node.awaitReady(FaultRun.STARTUP));
                Burst.Result result = fired.get(16, TimeUnit.MINUTES);
                timings.put("restart → burst answered", Duration.between(restarted, Instant.now()));
                Duration done = FaultRun.awaitAllDone(ledger, restarted, Duration.ofMinutes(10))
                        .orElse(Duration.ofMinutes(-1));
                timings.put("restart → all actions done (-60 s: never)", done);
                timings.put("kill → all actions done", Duration.between(killed, restarted).plus(done));

                FaultReport report = new FaultReport(dir.getFileName().toString(), size, result,
                        ledger.read(opportunities), mailbox.deliveries(), inFlight.size(), ledger.messageIdsOf(inFlight),
                        timings)
                        .publish(dir.resolve("report.txt"));
                FaultRun.assertExactlyOnce(report);
            } finally {
                burst.close();
                node.stop();
                FaultRun.stopOrphanedPostgres(data);
            }
        }
    }
}
