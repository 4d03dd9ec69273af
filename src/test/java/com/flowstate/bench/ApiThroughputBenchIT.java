package com.flowstate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.action.email.EmailHistoryFilter;
import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.history.PageParameters;
import com.flowstate.opportunity.NewOpportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.CredentialCacheSwitch;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * Scenario 2, API throughput: 8 clients over real HTTP create opportunities ({@code POST /api/opportunities}, each
 * starting its flow) and read the first page of the E-mail history tab ({@code GET /api/history/emails}), once with an
 * API token, once with HTTP Basic whose verified password is remembered, and — the same-run baseline — with HTTP
 * Basic checked by bcrypt on every request (the cache bypassed), as every request was before decision 0026. The
 * history query is also timed in process, the floor a GET cannot go under. Smoke size in {@code ./mvnw verify};
 * {@code -Pbench} for 2,000 requests of each kind per mode (baseline: 200).
 */
@IntegrationTest
class ApiThroughputBenchIT {

    static final String SCENARIO = "2 API throughput";
    private static final int CLIENTS = 8;

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired EmailHistoryQuery emailHistory;
    @Autowired OpportunityService opportunities;

    @Test
    void eightClientsCreateOpportunitiesAndReadHistoryWithTokensCachedBasicAndBcryptBasic() throws Exception {
        int requests = BenchResults.size("bench.api.requests", 24, 2000);
        int baselineRequests = BenchResults.size("bench.api.baseline", 8, 200);
        int warmUp = BenchResults.size("bench.api.warmup", 8, 100);
        int profiled = BenchResults.size("bench.api.profiled", 10, 200);
        String user = data.internalUser();
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                .getBytes(StandardCharsets.UTF_8));
        String bearer = "Bearer " + token(basic);
        String run = data.unique("bench-api");

        String loadAverage = loadAverage();
        long before = createdBy(run);
        measure(run + "-warm", warmUp, bearer, basic);
        Phase token = measure(run + "-token", requests, bearer, bearer);
        Phase cached = measure(run + "-cached", requests, basic, basic);
        Phase bcrypt;
        CredentialCacheSwitch.bypass(context, true);
        try {
            bcrypt = measure(run + "-bcrypt", baselineRequests, basic, basic);
        } finally {
            CredentialCacheSwitch.bypass(context, false);
        }
        awaitJobsDrained();
        Latencies inProcess = inProcessHistoryQuery(requests);
        Profile creation = inProcessCreations(run + "-profiled", profiled);

        assertThat(createdBy(run) - before).as("every creation answered 201 and stored its opportunity")
                .isEqualTo(warmUp + 2L * requests + baselineRequests + profiled);

        String baseline = "HTTP Basic, bcrypt every request";
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("clients", CLIENTS);
        parameters.put("loadAverageAtStart", loadAverage);
        parameters.put("requestsPerMode", requests);
        parameters.put("baselineRequests", baselineRequests);
        parameters.put("warmUp", warmUp);
        parameters.put("profiledCreations", profiled);
        parameters.put("historyGet", "/api/history/emails (first page, 50 rows)");
        parameters.put("historyRowsAtEnd", jdbc.sql("select count(*) from email_history").query(Long.class).single());
        BenchResults.record(SCENARIO, parameters, List.of(
                BenchFigure.higherIsBetter(SCENARIO, "creations/s, API token", token.creationsPerSecond(), "/s")
                        .against(baseline, bcrypt.creationsPerSecond()).target(100),
                BenchFigure.higherIsBetter(SCENARIO, "creations/s, cached HTTP Basic", cached.creationsPerSecond(),
                        "/s").against(baseline, bcrypt.creationsPerSecond()).target(100),
                BenchFigure.lowerIsBetter(SCENARIO, "creation p50, API token", token.creations().p50(), "ms")
                        .against(baseline, bcrypt.creations().p50()),
                BenchFigure.lowerIsBetter(SCENARIO, "history GET p50, API token", token.reads().p50(), "ms")
                        .against(baseline, bcrypt.reads().p50()).target(15),
                BenchFigure.lowerIsBetter(SCENARIO, "history GET p95, API token", token.reads().p95(), "ms")
                        .against(baseline, bcrypt.reads().p95()),
                BenchFigure.lowerIsBetter(SCENARIO, "history GET p50, cached HTTP Basic", cached.reads().p50(), "ms")
                        .against(baseline, bcrypt.reads().p50()).target(15),
                BenchFigure.lowerIsBetter(SCENARIO, "history GET p95, cached HTTP Basic", cached.reads().p95(), "ms")
                        .against(baseline, bcrypt.reads().p95()),
                BenchFigure.lowerIsBetter(SCENARIO, "history query in process p50 (floor)", inProcess.p50(), "ms"),
                BenchFigure.lowerIsBetter(SCENARIO, "JVM CPU per creation over HTTP, API token",
                        token.cpuMillisPerCreation(), "ms").against(baseline, bcrypt.cpuMillisPerCreation()),
                BenchFigure.lowerIsBetter(SCENARIO, "JVM CPU per history GET, API token", token.cpuMillisPerRead(),
                        "ms").against(baseline, bcrypt.cpuMillisPerRead()),
                BenchFigure.lowerIsBetter(SCENARIO, "JVM CPU per history GET, cached HTTP Basic",
                        cached.cpuMillisPerRead(), "ms").against(baseline, bcrypt.cpuMillisPerRead()),
                BenchFigure.lowerIsBetter(SCENARIO, "creation in process, one at a time, p50", creation.wall().p50(),
                        "ms"),
                BenchFigure.lowerIsBetter(SCENARIO, "creation in process, request thread CPU p50",
                        creation.cpu().p50(), "ms")));
    }

    /** One mode: the creations with 8 clients, then the history GETs with 8 clients. */
    private Phase measure(String run, int count, String createAuthorization, String readAuthorization)
            throws Exception {
        awaitJobsDrained();
        long cpu = processCpuNanos();
        Timed creations = concurrently(count, index -> HttpRequest.newBuilder(uri("/api/opportunities"))
                .header("Authorization", createAuthorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(opportunity(run, index))).build(), 201);
        long creationsCpu = processCpuNanos() - cpu;
        // The flows' first actions, which the creations queued, run before the reads: each phase starts idle.
        awaitJobsDrained();
        cpu = processCpuNanos();
        Timed reads = concurrently(count, index -> HttpRequest.newBuilder(uri("/api/history/emails?size=50"))
                .header("Authorization", readAuthorization).GET().build(), 200);
        long readsCpu = processCpuNanos() - cpu;
        return new Phase(count * 1000.0 / creations.wallMillis(), creations.latencies(), reads.latencies(),
                creationsCpu / 1e6 / count, readsCpu / 1e6 / count);
    }

    private Timed concurrently(int count, IntFunction<HttpRequest> request, int expectedStatus)
            throws Exception {
        double[] millis = new double[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                running.add(clients.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10)).build();
                    for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(request.apply(index),
                                HttpResponse.BodyHandlers.ofString());
                        millis[index] = (System.nanoTime() - sent) / 1e6;
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            return new Timed((System.nanoTime() - start) / 1e6, new Latencies(millis));
        } finally {
            clients.shutdownNow();
        }
    }

    /** The history GET's own query, without HTTP, authentication or JSON: what a GET cannot go under. */
    private Latencies inProcessHistoryQuery(int count) {
        double[] millis = new double[count];
        for (int index = 0; index < count; index++) {
            long start = System.nanoTime();
            assertThat(emailHistory.page(PartnerScope.everything(), EmailHistoryFilter.empty(),
                    new PageParameters(null, 50, null)).items()).isNotNull();
            millis[index] = (System.nanoTime() - start) / 1e6;
        }
        return new Latencies(millis);
    }

    /**
     * Creations one at a time through the service, as the controller calls it: wall time, and the CPU time of the
     * calling thread (the app's own work: validation, SQL round trips' client side, Camunda's process start and its
     * history events), the rest being PostgreSQL and waiting.
     */
    private Profile inProcessCreations(String run, int count) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[count];
        double[] cpu = new double[count];
        FlowstateUser admin = data.admin();
        for (int index = 0; index < count; index++) {
            String customer = run + "-" + index;
            NewOpportunity request = new NewOpportunity(customer, customer, customer + "@customers.test", null, null,
                    null, "20121", "MI", null, null, null);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            SystemAuthentication.runAs(admin, () -> opportunities.create(request));
            wall[index] = (System.nanoTime() - start) / 1e6;
            cpu[index] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        return new Profile(new Latencies(wall), new Latencies(cpu));
    }

    /**
     * Waits (at most 30 s, ten minutes under {@code -Pbench}) until no job is due: the creations' flows run their
     * first actions on the job executor, which would otherwise compete with the next phase.
     */
    private void awaitJobsDrained() throws InterruptedException {
        Duration patience = BenchResults.full() ? Duration.ofMinutes(10) : Duration.ofSeconds(30);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && jdbc.sql("""
                        select count(*) from act_ru_job
                        where retries_ > 0 and suspension_state_ = 1 and (duedate_ is null or duedate_ <= now())""")
                .query(Long.class).single() > 0) {
            Thread.sleep(250);
        }
    }

    /** The machine's load (1, 5, 15 minutes): other work on a shared machine shows here. */
    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** CPU time of this JVM: the server, its job executor, and the benchmark's own clients. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private String token(String basic) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        uri("/api/account/tokens")).header("Authorization", basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"API throughput benchmark\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("token").asText();
    }

    private String opportunity(String run, int index) {
        try {
            String customer = run + "-" + index;
            return json.writeValueAsString(Map.of("name", customer, "customerName", customer,
                    "customerEmail", customer + "@customers.test", "postalCode", "20121", "province", "MI"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long createdBy(String run) {
        return jdbc.sql("select count(*) from opportunity where name like ?").param(run + "-%")
                .query(Long.class).single();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private record Timed(double wallMillis, Latencies latencies) {
    }

    private record Phase(double creationsPerSecond, Latencies creations, Latencies reads,
                         double cpuMillisPerCreation, double cpuMillisPerRead) {
    }

    private record Profile(Latencies wall, Latencies cpu) {
    }

    private record Latencies(double[] millis) {

        double p50() {
            return percentile(0.50);
        }

        double p95() {
            return percentile(0.95);
        }

        private double percentile(double share) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
        }
    }
}
