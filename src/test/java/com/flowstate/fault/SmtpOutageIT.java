package com.flowstate.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.mail.MailSink;
import com.flowstate.mail.SmtpCredentialService;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * Fault suite, SMTP outage: e-mail actions run while the SMTP server refuses connections, then it comes back. Each
 * execution ends succeeded or failed with a reason, none is lost or stuck, and each message that went out reached the
 * server exactly once (counted by Message-ID).
 *
 * <p>CI size: 100 e-mails. Full size (docs/reliability.md):
 * {@code ./mvnw verify -Dit.test=SmtpOutageIT -Dfault.size=1000 -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false}
 */
@IntegrationTest
class SmtpOutageIT {

    private static final int SIZE = Integer.getInteger("fault.size", 100);
    /**
     * Longer than one back-off of the test retry cycle (three attempts a second apart), shorter than two: executions
     * queued behind others fail for good, yet however fast the executor drains the first attempts, the first
     * executions' last attempts come after the server is back (at 2.5 s every execution could fail in time).
     */
    private static final Duration OUTAGE = Duration.ofMillis(1_200);

    @Autowired TestData data;
    @Autowired SmtpCredentialService credentials;
    @Autowired JdbcClient jdbc;

    @Test
    void everyEmailEndsWithAnOutcomeAndNoneIsSentTwice() throws Exception {
        int port = freePort();
        String relay = data.unique("Outage relay");
        credentials.save(relay, "127.0.0.1", port, null, null, "outage@test.example", false);
        Opportunity opportunity = data.opportunity(null, null);

        long started = System.nanoTime();
        String[] instances = new String[SIZE];
        for (int i = 0; i < SIZE; i++) {
            instances[i] = data.startEmailTestFlow(opportunity, "welcome", relay, "CUSTOMER", null, false);
        }
        Thread.sleep(OUTAGE.toMillis());
        try (MailSink server = new MailSink(port)) {
            List<Outcome> outcomes = Awaitility.await().atMost(Duration.ofSeconds(60 + SIZE / 5))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> outcomes(instances), list -> list.size() == SIZE
                            && list.stream().allMatch(Outcome::finished));
            Duration drained = Duration.ofNanos(System.nanoTime() - started);

            Map<String, Long> delivered = server.received().stream()
                    .collect(Collectors.groupingBy(SmtpOutageIT::messageId, Collectors.counting()));
            List<String> succeeded = outcomes.stream().filter(o -> o.status().equals("SUCCEEDED"))
                    .map(Outcome::messageId).toList();
            List<Outcome> failed = outcomes.stream().filter(o -> o.status().equals("FAILED")).toList();
            long duplicated = delivered.values().stream().filter(count -> count > 1).count();

            System.out.printf("Fault suite, SMTP outage: %d e-mail actions, %d succeeded, %d failed with a reason,"
                            + " %d delivered, %d delivered twice, %d lost, all settled in %d s%n", SIZE,
                    succeeded.size(), failed.size(), delivered.size(), duplicated,
                    SIZE - succeeded.size() - failed.size(), drained.toSeconds());
            assertThat(failed).allSatisfy(row -> assertThat(row.reason()).contains("unreachable"));
            assertThat(duplicated).isZero();
            assertThat(delivered.keySet()).containsExactlyInAnyOrderElementsOf(succeeded);
            assertThat(succeeded.size() + failed.size()).isEqualTo(SIZE);
            assertThat(succeeded).as("the server came back: later executions succeed").isNotEmpty();
        }
    }

    private List<Outcome> outcomes(String[] instances) {
        return jdbc.sql("""
                        select status, last_error, message_id from email_history
                        where process_instance_id = any(?)""")
                .param(instances).query(Outcome.class).list();
    }

    record Outcome(String status, String lastError, String messageId) {

        boolean finished() {
            return status.equals("SUCCEEDED") || status.equals("FAILED");
        }

        String reason() {
            return lastError == null ? "" : lastError;
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
