package com.flowstate.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Flowstate node in a JVM of its own, started the way a user starts the built application:
 * {@code java -jar target/flowstate-<version>.jar}, its settings given as environment variables and command-line
 * properties, its output appended to a log file under target/fault/.
 * <p>
 * {@link #kill()} is a crash: SIGKILL to the JVM alone ({@link Process#destroyForcibly()} on Linux). An embedded
 * PostgreSQL it started runs on as an orphan, exactly as after an out-of-memory kill, and the next start on the same
 * data directory has to deal with it (database/StaleEmbeddedServer). {@link #stop()} is a normal shutdown (SIGTERM).
 * {@link #start()} after either runs the very same command again.
 * <p>
 * The jar is the one {@code package} builds before failsafe's integration-test phase, without the {@code production}
 * profile: its Vaadin is in development mode, which needs the project folder (and Node for a frontend build) and so
 * fails to start from a jar. {@code --vaadin.productionMode=true} keeps Vaadin out of the way: the views are not
 * served (there is no production bundle) but the engine, the REST API and the actions are exactly the product's.
 * The test's own class path is not used instead because it holds the test-only beans under com.flowstate, which the
 * application's component scan would pick up.
 */
public final class AppProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    private AppProcess(String name, int port, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.port = port;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /**
     * A node listening on {@code port}, with the given environment (on top of this JVM's) and application arguments.
     */
    public static AppProcess of(String name, int port, Map<String, String> environment, List<String> arguments,
                                Path log) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Start-up tuning for a 2-core machine (C1 only, one GC thread), the same on every start.
                "-Xmx640m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toString()));
        command.add("--vaadin.productionMode=true");
        command.addAll(arguments);
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("PORT", String.valueOf(port));
        return new AppProcess(name, port, command, env, log);
    }

    /**
     * A node started with exactly this command ({@code java}, its options, {@code -jar …} and the application's
     * arguments) listening on {@code port}: the start-up benchmark compares commands, so it gives the whole of each.
     */
    public static AppProcess ofCommand(String name, int port, List<String> command, Map<String, String> environment,
                                       Path log) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("PORT", String.valueOf(port));
        return new AppProcess(name, port, command, env, log);
    }

    /** The {@code java} launcher of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The application jar: {@code -Dfault.jar} (set by the build), else the one in target/. */
    public static Path jar() {
        String configured = System.getProperty("fault.jar");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("flowstate-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No application jar in target/: the fault suite runs the built jar (./mvnw verify builds it)"));
        } catch (IOException e) {
            throw new IllegalStateException("No target/ folder: run the fault suite through ./mvnw verify", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path log() {
        return log;
    }

    /** Starts the node (the same command every time) without waiting for it. */
    public AppProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== " + Instant.now() + " start: " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * Waits until {@code /actuator/health} answers UP.
     *
     * @return how long that took from now
     * @throws IllegalStateException when the process exits first or the time runs out, with the log's tail
     */
    public Duration awaitReady(Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        HttpRequest health = HttpRequest.newBuilder(base().resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; "
                        + "log " + log + ":\n" + tail());
            }
            try {
                HttpResponse<String> answer = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return Duration.between(start, Instant.now());
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " not ready within " + timeout.toSeconds() + " s; log " + log + ":\n"
                + tail());
    }

    /** The JVM's process id while it runs. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** A crash: SIGKILL to the JVM, nothing else. */
    void kill() {
        append("=== " + Instant.now() + " SIGKILL");
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** A normal shutdown (SIGTERM); SIGKILL if it has not ended within a minute. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(60))) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
    }

    private boolean awaitExit(Duration wait) {
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void append(String line) {
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is a diagnostic only
        }
    }

    /** The last 40 lines of the node's log. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
