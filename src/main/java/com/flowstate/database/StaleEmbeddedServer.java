package com.flowstate.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL a previous run left behind. When the JVM is killed (SIGKILL, a crash), its postmaster runs
 * on as an orphan holding the data directory, and the next start would wait a minute and fail on
 * {@code postmaster.pid}. Before starting, the server this application owns — the live postgres process the data
 * directory's pid file names — is shut down (SIGTERM: PostgreSQL's smart shutdown; the dead JVM's connections are gone,
 * so it exits at once and cleanly). A pid file of a process that is gone is left to PostgreSQL, which ignores it.
 */
final class StaleEmbeddedServer {

    private static final Logger log = LoggerFactory.getLogger(StaleEmbeddedServer.class);

    private StaleEmbeddedServer() {
    }

    /**
     * Stops the postgres server still running on this data directory, if any.
     *
     * @return whether there was one
     * @throws IllegalStateException when it does not stop within {@code wait}
     */
    static boolean stopIfRunning(Path dataDirectory, Duration wait) {
        Optional<ProcessHandle> orphan = serverOf(dataDirectory);
        if (orphan.isEmpty()) {
            return false;
        }
        ProcessHandle server = orphan.get();
        log.warn("An embedded PostgreSQL (pid {}) from a previous run still holds {}: stopping it", server.pid(),
                dataDirectory.toAbsolutePath());
        server.destroy();
        try {
            server.onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The embedded PostgreSQL of a previous run (pid " + server.pid()
                    + ") did not stop within " + wait.toSeconds() + " s; stop it and start again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping a stale embedded PostgreSQL", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }

    /**
     * The server the pid file names, when it is alive and a postgres: the file's first line is the postmaster's pid,
     * its second the data directory it runs on (absolute, whatever path it was started with).
     */
    private static Optional<ProcessHandle> serverOf(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        Path runsOn;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            pid = Long.parseLong(lines.get(0).strip());
            runsOn = Path.of(lines.get(1).strip()).toAbsolutePath().normalize();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (!runsOn.equals(dataDirectory.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
    }
}
