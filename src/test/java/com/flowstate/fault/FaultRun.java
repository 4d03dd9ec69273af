package com.flowstate.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the fault tests share: the run's size and folder, how a node is configured, opening the opportunities, waiting
 * for every action to have run, and the exactly-once assertions on a {@link FaultReport}.
 */
final class FaultRun {

    /** How long a node may take to start on a busy 2-core machine (embedded PostgreSQL's initdb included). */
    static final Duration STARTUP = Duration.ofMinutes(4);
    /** The job lock time the nodes run with: how long a dead node's jobs wait before another node takes them. */
    static final Duration LOCK_TIME = Duration.ofSeconds(10);

    private FaultRun() {
    }

    /** Substate changes per run: {@code -Dfault.size} (1,000 for the full run), 100 by default (CI). */
    static int size() {
        return Integer.getInteger("fault.size", 100);
    }

    /** A fresh folder for one run's data and logs: target/fault/{name}-{time}. */
    static Path directory(String name) {
        Path root = Path.of(System.getProperty("fault.dir", "target/fault"));
        Path dir = root.resolve(name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                .toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return dir;
    }

    /**
     * The environment of every node: the demo profile's users and templates without its opportunities and their
     * background driver, the working SMTP account pointing at the test's mailbox, no SMTP sink of its own, the demo
     * webhook receiver on any free port (two nodes on one machine), and the short lock time.
     */
    static Map<String, String> environment(FaultMailbox mailbox) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "demo");
        env.put("FLOWSTATE_MAIL_SINK_ENABLED", "false");
        env.put("FLOWSTATE_DEMO_SMTP_HOST", "127.0.0.1");
        env.put("FLOWSTATE_DEMO_SMTP_PORT", String.valueOf(mailbox.port()));
        env.put("FLOWSTATE_DEMO_WEBHOOK_PORT", "0");
        env.put("FLOWSTATE_JOB_LOCK_TIME_MS", String.valueOf(LOCK_TIME.toMillis()));
        return env;
    }

    /** The command-line properties of every node (the same on every start). */
    static List<String> arguments() {
        return List.of("--flowstate.demo.opportunities=0",
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis());
    }

    /** Opens {@code count} opportunities on the fault flow, spread over the nodes; Ping is open on each. */
    static List<Long> openOpportunities(FaultClient client, List<URI> nodes, String run, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> opened = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int i = n;
                opened.add(pool.submit(() -> client.openOpportunity(nodes.get(i % nodes.size()), run, i)));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> id : opened) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until every fault-flow instance has ended (every action run); how long that took, or empty. */
    static Optional<Duration> awaitAllDone(ActionLedger ledger, Instant since, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ledger.allDone()) {
                return Optional.of(Duration.between(since, Instant.now()));
            }
            AppProcess.pause(Duration.ofMillis(250));
        }
        return Optional.empty();
    }

    /**
     * Every substate change present once, every action executed exactly once with a final, successful history row, no
     * incident, nothing left in the engine; every e-mail delivered, none twice except one in flight at the crash.
     */
    static void assertExactlyOnce(FaultReport report) {
        String numbers = report.text();
        assertThat(report.burst().surprises()).as(numbers).isEmpty();
        assertThat(report.burst().abandoned()).as("changes no node took before the deadline\n" + numbers).isEmpty();
        assertThat(report.acknowledgedButMissing()).as("acknowledged changes missing from history\n" + numbers)
                .isEmpty();
        // A change and its row commit together, answered or not (OpportunityService.changeByHand).
        assertThat(report.missingCloses()).as("changes without exactly one close in history\n" + numbers).isEmpty();
        assertThat(report.ledger().unfinished()).as("history rows not final\n" + numbers).isZero();
        assertThat(report.ledger().lost()).as("actions lost\n" + numbers).isZero();
        assertThat(report.ledger().duplicated()).as("actions duplicated in history\n" + numbers).isZero();
        assertThat(report.ledger().done()).as(numbers).isEqualTo(report.expectedActions());
        assertThat(report.wrongActivityCounts()).as("activities made other than once\n" + numbers).isEmpty();
        assertThat(report.ledger().incidents()).as("incidents\n" + numbers).isZero();
        assertThat(report.ledger().jobsLeft()).as("jobs left\n" + numbers).isZero();
        assertThat(report.ledger().running()).as("instances still running\n" + numbers).isZero();
        assertThat(report.lostEmails()).as("e-mails never delivered\n" + numbers).isEmpty();
        assertThat(report.strayEmails()).as("deliveries no history row accounts for\n" + numbers).isEmpty();
        assertThat(report.deliveries()).as(numbers).hasSize(report.changes());
        assertThat(report.duplicateEmailsOutsideCrashWindow())
                .as("e-mails delivered twice though not in flight at the crash\n" + numbers).isEmpty();
        // A repeat the crash window allows is still owned up to on its row (action.Outbound's note).
        assertThat(report.ledger().sentAgain()).as("e-mails delivered twice whose row does not say so\n" + numbers)
                .containsAll(report.duplicateEmails().keySet());
    }

    /**
     * Stops the embedded PostgreSQL a killed node left on {@code dataDirectory}, if the test ends before a restart
     * did (the pid its postmaster.pid names, when that is a live postgres).
     */
    static void stopOrphanedPostgres(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .ifPresent(process -> {
                        process.destroy();
                        process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                    });
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the orphaned PostgreSQL of " + dataDirectory + ": " + e);
        }
    }
}
