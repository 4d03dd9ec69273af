package com.flowstate.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * After the application was killed, its embedded PostgreSQL runs on as an orphan holding the data directory; the
 * next start stops it and starts on the same directory instead of failing on postmaster.pid.
 */
class StaleEmbeddedServerTest {

    @Test
    void theServerAKilledRunLeftBehindIsStoppedAndTheDirectoryStartsAgain(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pgdata");
        // A run (a JVM of its own) that dies without stopping its server: the server keeps the directory. It is
        // started with a relative path, as the demo's default (.flowstate/pgdata) is.
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledRun.class.getName(), "pgdata")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(run.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("the run started its server").isTrue();
        assertThat(run.exitValue()).as(new String(run.getInputStream().readAllBytes())).isEqualTo(137);
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());

        boolean stopped = StaleEmbeddedServer.stopIfRunning(data, Duration.ofSeconds(30));

        assertThat(stopped).isTrue();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        try (EmbeddedPostgres restarted = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(30)).start();
             var connection = restarted.getPostgresDatabase().getConnection()) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    /** Starts an embedded server on a directory, then dies at once, as a killed JVM does (no shutdown hook). */
    public static final class KilledRun {

        public static void main(String[] args) throws Exception {
            EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false).start();
            Runtime.getRuntime().halt(137);
        }
    }

    @Test
    void aDirectoryNobodyHoldsIsLeftAlone(@TempDir Path dir) {
        assertThat(StaleEmbeddedServer.stopIfRunning(dir, Duration.ofSeconds(1))).isFalse();
    }
}
