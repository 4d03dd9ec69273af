package com.flowstate.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.support.TcpProxy;
import com.flowstate.support.TestData;
import com.flowstate.support.TestFlowBeans;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Fault suite 4, database outage: the database goes away in the middle of a burst of clients opening opportunities
 * and closing their first substate, each request with its own {@code Idempotency-Key} and retried with that key on a
 * 503 or a broken connection. While it is away the API answers 503 with {@code Retry-After} within the pool's
 * connection time-out (also at HTTP Basic sign-in: never a 401), never a 500; once it is back the app carries on
 * without a restart; every opportunity exists exactly once, every close happened exactly once, and every action the
 * burst set off has finished.
 * <p>
 * CI size, in {@code ./mvnw verify}: 50 opportunities; the app reaches an embedded PostgreSQL of its own through a
 * {@link TcpProxy} that is cut for 10 s (open connections break, new ones are refused). Full size, against the
 * machine's PostgreSQL 15 on 127.0.0.1:5432 (trust authentication for {@code postgres}; a fresh database
 * {@code flowstate_outage_<time>} is created and left for inspection), stopped for 10 s with {@code pg_ctlcluster}:
 * <pre>
 * CI=true ./mvnw -B verify -Dit.test=DatabaseOutageIT -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfault.size=1000 -Dfault.outage=real
 * </pre>
 * ({@code -Dfault.outage-seconds=N} changes the outage; {@code -Dfault.pg-cluster="15 outage" -Dfault.pg-port=5433}
 * another cluster, e.g. one made for the test with {@code pg_createcluster 15 outage --port 5433 --start --
 * --auth-host=trust}, so nothing else using the machine's PostgreSQL sees it go down.)
 * <p>
 * This class has a Spring context of its own, not the shared {@code @IntegrationTest} one: its data source must point
 * through the proxy (or at the external server) while the other tests keep theirs. The engine is named apart
 * ({@code outage}) so it never replaces the shared context's engine in Camunda's registry, and the context is closed
 * after the class; it starts no Camunda webapp, whose static runtime would replace the shared context's. Jobs that were
 * running when the connection broke stay locked until their lock expires: 20 s here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestData.class, TestFlowBeans.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageIT {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageIT.class);

    private static final int SIZE = Integer.getInteger("fault.size", 50);
    private static final boolean REAL = "real".equals(System.getProperty("fault.outage"));
    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("fault.outage-seconds", 10));
    private static final String CLUSTER = System.getProperty("fault.pg-cluster", "15 main");
    private static final int PG_PORT = Integer.getInteger("fault.pg-port", 5432);
    private static final int CLIENTS = 8;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** How long one client request, and the actions after the burst, may take: more for a bigger burst. */
    private static final Duration PATIENCE = Duration.ofSeconds(Math.max(180, SIZE / 2));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres embedded;
    private static TcpProxy proxy;

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException, SQLException {
        String database = "flowstate_outage_" + System.currentTimeMillis();
        int serverPort;
        String url;
        if (REAL) {
            serverPort = PG_PORT;
            url = "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/" + database;
        } else {
            embedded = EmbeddedPostgres.builder().start();
            serverPort = embedded.getPort();
            proxy = new TcpProxy(serverPort);
            url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database;
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + serverPort + "/postgres",
                "postgres", "")) {
            admin.createStatement().execute("create database " + database);
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.hikari.connection-timeout", () -> CONNECTION_TIMEOUT.toMillis());
        registry.add("camunda.bpm.process-engine-name", () -> "outage");
        registry.add("camunda.bpm.job-execution.lock-time-in-millis", () -> 20_000);
        // Camunda's webapps keep their runtime in static fields: a second set would take over, and once this context
        // closed, Cockpit in the shared context would answer 500. This test needs none of them.
        registry.add("camunda.bpm.webapp.enabled", () -> false);
    }

    @Test
    void aDatabaseOutageMidBurstLosesNothingAndDuplicatesNothing() throws Exception {
        String user = data.internalUser();
        String run = Long.toString(System.currentTimeMillis(), 36);
        var client = new Client(port, user);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Long>> burst = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            String name = "outage-" + run + "-" + i;
            burst.add(clients.submit(() -> client.openAndClose(name)));
        }

        Awaitility.await().atMost(PATIENCE).until(() -> client.created.get() >= Math.min(SIZE / 5, 20));
        long outageStarted = System.nanoTime();
        goDown();
        List<Client.Answer> probes = new ArrayList<>();
        while (System.nanoTime() - outageStarted < OUTAGE.toNanos()) {
            probes.add(client.get("/api/opportunities?size=1"));
            Thread.sleep(500);
        }
        comeBack();
        long restored = System.nanoTime();
        Client.Answer firstSuccess;
        do {
            firstSuccess = client.get("/api/opportunities?size=1");
        } while (firstSuccess.status() != 200 && System.nanoTime() - restored < TimeUnit.MINUTES.toNanos(2));
        Duration recovery = Duration.ofNanos(System.nanoTime() - restored);

        clients.shutdown();
        assertThat(clients.awaitTermination(SIZE * 2L + PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("burst finished")
                .isTrue();
        List<Long> ids = new ArrayList<>();
        for (Future<Long> opened : burst) {
            ids.add(opened.get());
        }

        long rows = jdbc.sql("select count(*) from opportunity where name like ?").param("outage-" + run + "-%")
                .query(Long.class).single();
        long distinct = jdbc.sql("select count(distinct name) from opportunity where name like ?")
                .param("outage-" + run + "-%").query(Long.class).single();
        log.info("Database outage ({}, {} s): expected {}, done {}, duplicated {}, lost {}; {} answers 503 (slowest "
                        + "{} ms), {} other failures {}; recovered {} ms after the database came back",
                REAL ? "PostgreSQL stopped" : "proxy cut", OUTAGE.toSeconds(), SIZE, ids.stream().filter(id -> id > 0)
                        .count(), rows - distinct, SIZE - distinct, client.unavailable.get(),
                client.slowest503.get(), client.failures.size(), client.failures, recovery.toMillis());

        assertThat(probes).as("answers while the database was down").isNotEmpty()
                .allSatisfy(probe -> {
                    assertThat(probe.status()).isEqualTo(503);
                    assertThat(probe.retryAfter()).isEqualTo("5");
                    assertThat(probe.millis()).isLessThan(CONNECTION_TIMEOUT.toMillis() + 5_000);
                });
        assertThat(client.failures).as("answers other than 2xx, 503 and a retried conflict").isEmpty();
        assertThat(client.unavailable.get()).as("the burst met the outage").isPositive();
        assertThat(recovery).isLessThan(Duration.ofSeconds(30));
        assertThat(ids).doesNotContain(-1L).doesNotHaveDuplicates().hasSize(SIZE);
        assertThat(rows).as("opportunities, one per name").isEqualTo(SIZE);
        assertThat(distinct).isEqualTo(SIZE);
        assertThat(jdbc.sql("""
                        select count(*) from substate_change_history h join opportunity o on o.id = h.opportunity_id
                        where o.name like ? and h.manual and h.change_type = 'CLOSE' and h.status = 'SUCCEEDED'""")
                .param("outage-" + run + "-%").query(Long.class).single()).as("closes, one each").isEqualTo(SIZE);
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(jdbc.sql("""
                            select count(*) from email_history h join opportunity o on o.id = h.opportunity_id
                            where o.name like ? and h.template_name = 'welcome' and h.status = 'SUCCEEDED'""")
                    .param("outage-" + run + "-%").query(Long.class).single()).as("welcome e-mails sent")
                    .isGreaterThanOrEqualTo(SIZE);
            assertThat(jdbc.sql("""
                            select count(*) from email_history h join opportunity o on o.id = h.opportunity_id
                            where o.name like ? and h.status in ('SCHEDULED', 'RUNNING', 'RETRYING')""")
                    .param("outage-" + run + "-%").query(Long.class).single()).as("e-mails not finished").isZero();
            assertThat(jdbc.sql("select count(*) from act_ru_job where retries_ > 0 and duedate_ is null")
                    .query(Long.class).single()).as("actions waiting to run").isZero();
        });
        assertThat(jdbc.sql("select count(*) from act_ru_incident").query(Long.class).single()).as("incidents")
                .isZero();
    }

    private static void goDown() throws IOException, InterruptedException {
        if (REAL) {
            pgCtlCluster("stop");
        } else {
            proxy.cut();
        }
    }

    private static void comeBack() throws IOException, InterruptedException {
        if (REAL) {
            pgCtlCluster("start");
        } else {
            proxy.restore();
        }
    }

    private static void pgCtlCluster(String action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect"));
        command.addAll(List.of(CLUSTER.split(" ")));
        command.add(action);
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as(String.join(" ", command))
                .isTrue();
    }

    /** A client that retries each request with its key until it gets an answer that is not "come back later". */
    private static final class Client {

        record Answer(int status, String body, String retryAfter, long millis) {
        }

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final int port;
        private final String authorization;
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicLong slowest503 = new AtomicLong();
        final Map<String, String> failures = new ConcurrentHashMap<>();

        Client(int port, String user) {
            this.port = port;
            this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                    .getBytes(StandardCharsets.UTF_8));
        }

        /** Opens an opportunity, waits for its first substate and closes it: the id, or -1 if it failed. */
        long openAndClose(String name) throws InterruptedException {
            String body = """
                    {"name":"%s","customerName":"Rosa Verdi","customerEmail":"rosa@customers.test",\
                    "city":"Catania","postalCode":"95131","province":"CT"}""".formatted(name);
            Answer opened = untilAnswered("POST", "/api/opportunities", "create-" + name, body);
            if (opened.status() != 201) {
                failures.put("create " + name, opened.status() + " " + opened.body());
                return -1;
            }
            created.incrementAndGet();
            long opportunity;
            try {
                opportunity = JSON.readTree(opened.body()).path("opportunity").path("id").asLong();
            } catch (IOException e) {
                failures.put("create " + name, "not JSON: " + opened.body());
                return -1;
            }
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!untilAnswered("GET", "/api/opportunities/" + opportunity, null, null).body()
                    .contains("\"key\":\"NewContact\"")) {
                if (System.nanoTime() > deadline) {
                    failures.put("open " + name, "NewContact never opened");
                    return -1;
                }
                Thread.sleep(200);
            }
            Answer closed = untilAnswered("POST", "/api/opportunities/" + opportunity + "/substates/NewContact/close",
                    "close-" + name, null);
            if (closed.status() != 200) {
                failures.put("close " + name, closed.status() + " " + closed.body());
                return -1;
            }
            return opportunity;
        }

        Answer get(String path) throws InterruptedException {
            return send("GET", path, null, null);
        }

        /**
         * Retries on 503 (after Retry-After), on a broken connection and on a conflict the API asks to retry. A
         * substate counts as open from its start, but can be closed only once its on-open actions have run and it
         * waits: until then a close is "not open", and the client tries again (still with its key; that no close is
         * made twice is checked in the database).
         */
        private Answer untilAnswered(String method, String path, String key, String body) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                Answer answer = send(method, path, key, body);
                boolean retry = answer.status() == 503 || answer.status() == -1 || (answer.status() == 409
                        && (answer.body().contains("retry") || answer.body().contains("try again")
                        || answer.body().contains("is not open")));
                if (!retry || System.nanoTime() > deadline) {
                    return answer;
                }
                Thread.sleep(answer.retryAfter() != null ? Long.parseLong(answer.retryAfter()) * 1000 : 1000);
            }
        }

        private Answer send(String method, String path, String key, String body) throws InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", authorization)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                if (response.statusCode() == 503) {
                    unavailable.incrementAndGet();
                    slowest503.accumulateAndGet(millis, Math::max);
                } else if (response.statusCode() == 401 || response.statusCode() >= 500) {
                    failures.put(method + " " + path + " #" + started, response.statusCode() + " " + response.body());
                }
                return new Answer(response.statusCode(), response.body(),
                        response.headers().firstValue("Retry-After").orElse(null), millis);
            } catch (IOException e) {
                return new Answer(-1, e.toString(), null, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        }
    }
}
