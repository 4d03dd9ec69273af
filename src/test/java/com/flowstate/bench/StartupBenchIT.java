package com.flowstate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.flowstate.fault.AppProcess;
import com.flowstate.support.Browser;

/**
 * Scenario 6, start-up and footprint: the built jar started the way the README and the Dockerfile start it, in a JVM
 * of its own, on the embedded PostgreSQL, against the plain {@code java -jar} it was started with before.
 * <p>
 * The recipe under test (the Dockerfile's and the README's, decision 29): the jar extracted with Spring Boot's
 * {@code -Djarmode=tools extract}, one training run that refreshes the context and exits (it also creates the data
 * folder: initdb, migrations, Camunda's schema) writing a dynamic AppCDS archive, then every start with
 * {@code -XX:SharedArchiveFile} and a capped heap. <b>Ready</b> means what a user needs: {@code /actuator/health} UP,
 * the login page answers 200, and {@code GET /api/flows} answers 200 with the flow of {@code bpmn/} deployed — timed
 * from the process start, so the JVM's own start is in it.
 * <p>
 * Full run ({@code ./mvnw verify -Pbench,production -Dit.test=StartupBenchIT}, the production jar): the training run,
 * then on the warm data folder the tuned command (it pays the flow's first deployment and the demo data), the
 * baseline (the plain jar, JVM defaults) and the tuned command again (this one counts), then a browser session (login, action history, an opportunity
 * page) and the resident memory of the JVM and of the embedded PostgreSQL's processes. Smoke run (in
 * {@code ./mvnw verify}): the training run and one tuned start, so the recipe is known to work; the jar there has no
 * production bundle, so the login page and the browser session are left out (said in the parameters).
 */
class StartupBenchIT {

    private static final String SCENARIO = "6 Start-up and footprint";
    /** How long one start (or the training run) may take: generous, for a 2-core machine that others share. */
    private static final Duration PATIENCE = Duration.ofMinutes(12);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    @Test
    void startsOnAWarmDataFolderAndServesABrowserSession() throws Exception {
        Path jar = AppProcess.jar();
        boolean productionBundle = hasProductionBundle(jar);
        boolean full = BenchResults.full();
        Path dir = BenchResults.directory().resolve("startup-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        Path data = dir.resolve("pgdata");
        Path app = dir.resolve("app");
        Files.createDirectories(dir);

        Duration extract = run(dir.resolve("extract.log"), AppProcess.java(), "-Djarmode=tools", "-jar",
                jar.toString(), "extract", "--destination", app.toString());
        Path extracted = app.resolve(jar.getFileName());
        assertThat(extracted).as("the extracted jar").isRegularFile();
        Path archive = app.resolve("flowstate.jsa");

        List<String> vaadin = productionBundle ? List.of() : List.of("--vaadin.productionMode=true");
        Map<String, String> env = environment(data);

        // The training run: also the cold start (initdb, migrations, Camunda's schema) that makes the folder warm.
        List<String> training = new ArrayList<>(List.of(AppProcess.java(), "-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar",
                extracted.toString()));
        training.addAll(vaadin);
        Duration trainingRun = run(dir.resolve("training.log"), env, training);
        assertThat(archive).as("the class data archive the training run wrote").isRegularFile();

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("jar", jar.getFileName().toString());
        parameters.put("productionBundle", productionBundle);
        parameters.put("tuned", String.join(" ", tunedOptions(archive)));
        parameters.put("baseline", "java -jar (JVM defaults, no archive)");
        parameters.put("extract s", seconds(extract));
        parameters.put("training run (cold start, exits on refresh) s", seconds(trainingRun));
        parameters.put("archive MB", Files.size(archive) / (1024 * 1024));

        List<BenchFigure> figures = new ArrayList<>();
        if (!full) {
            Start tuned = start("tuned", tuned(archive, extracted, vaadin), env, dir, productionBundle);
            try {
                parameters.put("browser session", "none (smoke)");
                Footprint footprint = Footprint.of(tuned.process.pid(), data);
                figures.add(BenchFigure.lowerIsBetter(SCENARIO, "ready, warm data folder", seconds(tuned.ready), "s")
                        .target(20));
                figures.add(BenchFigure.lowerIsBetter(SCENARIO, "JVM RSS after start", footprint.jvmRssMb(), "MB")
                        .target(1024));
                figures.add(BenchFigure.lowerIsBetter(SCENARIO, "embedded PostgreSQL PSS ("
                        + footprint.postgresProcesses() + " processes)", footprint.postgresPssMb(), "MB"));
            } finally {
                tuned.process.stop();
            }
            BenchResults.record(SCENARIO, parameters, figures);
            return;
        }

        // The first start after the training run deploys the flow and the demo data: it warms the folder for both.
        Start first = start("tuned-1", tuned(archive, extracted, vaadin), env, dir, productionBundle);
        first.process.stop();
        Start baseline = start("baseline", baseline(jar, vaadin), env, dir, productionBundle);
        baseline.process.stop();
        Start tuned = start("tuned-2", tuned(archive, extracted, vaadin), env, dir, productionBundle);
        try {
            parameters.put("tuned first start s", seconds(first.ready));
            parameters.put("baseline JVM RSS right after start MB", baseline.rssMb);
            Footprint afterStart = Footprint.of(tuned.process.pid(), data);
            Duration session = productionBundle ? browserSession(tuned.process.base()) : Duration.ZERO;
            parameters.put("browser session", productionBundle ? seconds(session) + " s: login, action history, "
                    + "the e-mail tab, an opportunity page" : "none: the jar has no production bundle (-Pproduction)");
            Footprint footprint = Footprint.of(tuned.process.pid(), data);
            parameters.put("JVM RSS right after start MB", afterStart.jvmRssMb());

            figures.add(BenchFigure.lowerIsBetter(SCENARIO, "ready, warm data folder", seconds(tuned.ready), "s")
                    .against("java -jar, JVM defaults", seconds(baseline.ready)).target(20));
            figures.add(BenchFigure.lowerIsBetter(SCENARIO, "CPU time to ready", tuned.cpuSeconds, "s")
                    .against("java -jar, JVM defaults", baseline.cpuSeconds));
            figures.add(BenchFigure.lowerIsBetter(SCENARIO, "JVM RSS after a browser session", footprint.jvmRssMb(),
                    "MB").target(1024));
            figures.add(BenchFigure.lowerIsBetter(SCENARIO, "JVM peak RSS (VmHWM)", footprint.jvmHwmMb(), "MB"));
            figures.add(BenchFigure.lowerIsBetter(SCENARIO, "embedded PostgreSQL PSS ("
                    + footprint.postgresProcesses() + " processes)", footprint.postgresPssMb(), "MB"));
        } finally {
            tuned.process.stop();
        }
        BenchResults.record(SCENARIO, parameters, figures);
    }

    /** The JVM options of the tuned start, the README's (the Dockerfile caps the heap by the container's memory). */
    static List<String> tunedOptions(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xmx512m");
    }

    private static List<String> tuned(Path archive, Path extracted, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(AppProcess.java()));
        command.addAll(tunedOptions(archive));
        command.addAll(List.of("-jar", extracted.toString()));
        command.addAll(arguments);
        return command;
    }

    private static List<String> baseline(Path jar, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(AppProcess.java(), "-jar", jar.toString()));
        command.addAll(arguments);
        return command;
    }

    /** The README's demo: embedded PostgreSQL in this run's folder, every port its own. */
    private static Map<String, String> environment(Path data) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "demo");
        env.put("FLOWSTATE_EMBEDDED_DB_DIR", data.toString());
        env.put("FLOWSTATE_MAIL_SINK_PORT", String.valueOf(AppProcess.freePort()));
        env.put("FLOWSTATE_DEMO_WEBHOOK_PORT", "0");
        return env;
    }

    private record Start(AppProcess process, Duration ready, double cpuSeconds, double rssMb) {
    }

    private static Start start(String name, List<String> command, Map<String, String> env, Path dir,
                               boolean loginPage) {
        AppProcess process = AppProcess.ofCommand(name, AppProcess.freePort(), command, env,
                dir.resolve(name + ".log"));
        Instant started = Instant.now();
        process.start();
        try {
            Duration ready = awaitReady(process, started, loginPage);
            Footprint footprint = Footprint.of(process.pid(), null);
            System.out.printf("[bench] %s: ready in %.1f s, %.1f CPU s, RSS %.0f MB%n", name,
                    ready.toMillis() / 1000.0, footprint.cpuSeconds(), footprint.jvmRssMb());
            return new Start(process, ready, footprint.cpuSeconds(), footprint.jvmRssMb());
        } catch (RuntimeException | Error e) {
            process.stop();
            throw e;
        }
    }

    /** Health UP, the login page (when there is one) and the flows API with the flow deployed. */
    private static Duration awaitReady(AppProcess process, Instant started, boolean loginPage) {
        URI base = process.base();
        Instant deadline = started.plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.log() + ": exited before it was ready\n" + process.tail());
            }
            if (answers(base.resolve("/actuator/health"), null, "\"UP\"")
                    && (!loginPage || answers(base.resolve("/login"), null, "<"))
                    && answers(base.resolve("/api/flows"), ADMIN, "SolarSalesFlow")) {
                return Duration.between(started, Instant.now());
            }
            AppProcess.pause(Duration.ofMillis(100));
        }
        throw new IllegalStateException(process.log() + ": not ready within " + PATIENCE + "\n" + process.tail());
    }

    private static boolean answers(URI uri, String authorization, String containing) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains(containing);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Login, the action history with its e-mail tab, and the page of an opportunity, in a real Chromium. */
    private static Duration browserSession(URI base) throws IOException, InterruptedException {
        Instant start = Instant.now();
        HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/opportunities?size=1"))
                .header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(list.body());
        try (Browser browser = new Browser(base.getPort())) {
            browser.login("admin", "admin");
            browser.openActionHistoryTab("tab-email", "email-history-grid");
            if (id.find()) {
                browser.open("/opportunities/" + id.group(1));
                browser.waitFor(By.id("workspace-title"));
            }
            browser.open("/account/history");
            browser.waitFor(By.id("action-history-tabs"));
        }
        return Duration.between(start, Instant.now());
    }

    private static Duration run(Path log, String... command) {
        return run(log, Map.of(), List.of(command));
    }

    private static Duration run(Path log, Map<String, String> env, List<String> command) {
        Instant start = Instant.now();
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                // SIGTERM first: the application stops its embedded PostgreSQL on the way out.
                process.destroy();
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
                throw new IllegalStateException(String.join(" ", command) + ": not done within " + PATIENCE
                        + ", log " + log);
            }
            assertThat(process.exitValue()).as("%s exit code, log %s", command, log).isZero();
            return Duration.between(start, Instant.now());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasProductionBundle(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry("META-INF/VAADIN/config/stats.json") != null
                    || zip.stream().anyMatch(entry -> entry.getName().endsWith("META-INF/VAADIN/config/stats.json"));
        }
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }

    /**
     * What a process costs: the JVM's VmRSS and VmHWM from /proc/&lt;pid&gt;/status and its CPU time, and the summed
     * PSS (shared memory counted once, split among its users) of the embedded PostgreSQL's postmaster and children.
     */
    record Footprint(double jvmRssMb, double jvmHwmMb, double cpuSeconds, int postgresProcesses,
                     double postgresPssMb) {

        static Footprint of(long pid, Path pgdata) {
            Map<String, Long> status = statusKb(pid);
            double cpu = cpuSeconds(pid);
            int processes = 0;
            long pss = 0;
            if (pgdata != null) {
                List<Long> postgres = postgresProcesses(pgdata);
                processes = postgres.size();
                for (long process : postgres) {
                    pss += rollupKb(process, "Pss:");
                }
            }
            return new Footprint(status.getOrDefault("VmRSS:", 0L) / 1024.0,
                    status.getOrDefault("VmHWM:", 0L) / 1024.0, cpu, processes, pss / 1024.0);
        }

        private static Map<String, Long> statusKb(long pid) {
            Map<String, Long> values = new LinkedHashMap<>();
            for (String line : lines(Path.of("/proc", String.valueOf(pid), "status"))) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 2 && parts[0].startsWith("Vm")) {
                    values.put(parts[0], Long.parseLong(parts[1]));
                }
            }
            return values;
        }

        /** utime + stime of /proc/&lt;pid&gt;/stat, in seconds (USER_HZ is 100 on Linux). */
        private static double cpuSeconds(long pid) {
            List<String> stat = lines(Path.of("/proc", String.valueOf(pid), "stat"));
            if (stat.isEmpty()) {
                return 0;
            }
            String line = stat.get(0);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        }

        private static long rollupKb(long pid, String field) {
            return lines(Path.of("/proc", String.valueOf(pid), "smaps_rollup")).stream()
                    .filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.trim().split("\\s+")[1]))
                    .sum();
        }

        /** The postmaster (first line of postmaster.pid) and every process whose parent it is. */
        private static List<Long> postgresProcesses(Path pgdata) {
            List<String> pidFile = lines(pgdata.resolve("postmaster.pid"));
            if (pidFile.isEmpty()) {
                return List.of();
            }
            long postmaster = Long.parseLong(pidFile.get(0).trim());
            List<Long> processes = new ArrayList<>(List.of(postmaster));
            try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
                proc.filter(path -> path.getFileName().toString().matches("\\d+")).forEach(path -> {
                    List<String> stat = lines(path.resolve("stat"));
                    if (!stat.isEmpty()) {
                        String line = stat.get(0);
                        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                        if (Long.parseLong(fields[1]) == postmaster) {
                            processes.add(Long.parseLong(path.getFileName().toString()));
                        }
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return processes;
        }

        private static List<String> lines(Path file) {
            try {
                return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }
    }
}
