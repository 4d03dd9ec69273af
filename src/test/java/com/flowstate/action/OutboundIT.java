package com.flowstate.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.Trigger;
import com.flowstate.support.IntegrationTest;

/**
 * The send window of an action execution, closed from both sides: the intent before the send, the record after it,
 * and a retry that finds one or the other.
 */
@IntegrationTest
class OutboundIT {

    @Autowired Outbound outbound;
    @Autowired JdbcClient jdbc;

    private final AtomicInteger sends = new AtomicInteger();

    @Test
    void keepsTryingToRecordTheSendWhileTheDatabaseDoesNotAnswerAndSendsOnce() {
        ActionAttempt attempt = attempt();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> recorded = new AtomicReference<>();

        String sent = outbound.once(attempt, new HistoryRow(), () -> Optional.ofNullable(recorded.get()), this::send,
                done -> {
                    if (failures.incrementAndGet() <= 2) {
                        throw new DataAccessResourceFailureException("Connection refused");
                    }
                    recorded.set(done);
                });

        assertThat(sends).hasValue(1);
        assertThat(recorded.get()).isEqualTo(sent);
        assertThat(intentOf(attempt)).isEmpty();
    }

    @Test
    void aRetryThatFindsTheRecordDoesNotSendAgain() {
        String sent = outbound.once(attempt(), new HistoryRow(), () -> Optional.of("<earlier@test>"), this::send,
                done -> { });

        assertThat(sent).isEqualTo("<earlier@test>");
        assertThat(sends).hasValue(0);
    }

    @Test
    void aRetryThatFindsOnlyTheIntentWaitsForTheEarlierAttemptToRecordItsSend() {
        ActionAttempt attempt = attempt();
        jdbc.sql("insert into outbound_intent (execution_key) values (?)").param(attempt.executionKey()).update();
        AtomicReference<String> recorded = new AtomicReference<>();
        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> recorded.set("<earlier@test>"));
        HistoryRow row = new HistoryRow();

        String sent = outbound.once(attempt, row, () -> Optional.ofNullable(recorded.get()), this::send, done -> { });

        assertThat(sent).isEqualTo("<earlier@test>");
        assertThat(sends).hasValue(0);
        assertThat(row.note()).isNull();
    }

    @Test
    void aRetryAfterAnAttemptThatStoppedBetweenSendAndRecordSendsAgainAndSaysSo() {
        ActionAttempt attempt = attempt();
        jdbc.sql("insert into outbound_intent (execution_key, started_at) values (?, now() - interval '1 hour')")
                .param(attempt.executionKey()).update();
        HistoryRow row = new HistoryRow();

        outbound.once(attempt, row, Optional::empty, this::send, done -> { });

        assertThat(sends).hasValue(1);
        assertThat(row.note()).isEqualTo(Outbound.SENT_AGAIN);
        assertThat(intentOf(attempt)).isEmpty();
    }

    @Test
    void aSendThatFailedLeavesNoIntentSoTheRetryIsAnOrdinaryOne() {
        ActionAttempt attempt = attempt();

        assertThatThrownBy(() -> outbound.once(attempt, new HistoryRow(), Optional::empty,
                () -> { throw ActionFailure.transientFailure(null, "smtp.unreachable", "server", "test"); }, done -> { }))
                .isInstanceOf(ActionFailure.class);
        assertThat(intentOf(attempt)).isEmpty();

        HistoryRow retry = new HistoryRow();
        outbound.once(attempt, retry, Optional::empty, this::send, done -> { });
        assertThat(sends).hasValue(1);
        assertThat(retry.note()).isNull();
    }

    @Test
    void nothingIsSentWhenTheIntentCannotBeRecorded() {
        // The database refusing the intent, here a key PostgreSQL cannot store (a NUL byte), stops the send.
        ActionAttempt attempt = new ActionAttempt("bad\u0000key", null, null, definition(), 1, false);

        assertThatThrownBy(() -> outbound.once(attempt, new HistoryRow(), Optional::empty, this::send, done -> { }))
                .isInstanceOf(RuntimeException.class);
        assertThat(sends).hasValue(0);
    }

    private String send() {
        sends.incrementAndGet();
        return "<" + UUID.randomUUID() + "@test>";
    }

    private Optional<Duration> intentOf(ActionAttempt attempt) {
        return jdbc.sql("select extract(epoch from now() - started_at) from outbound_intent where execution_key = ?")
                .param(attempt.executionKey()).query(Double.class).optional()
                .map(seconds -> Duration.ofMillis((long) (seconds * 1000)));
    }

    private static ActionAttempt attempt() {
        return new ActionAttempt("outbound-" + UUID.randomUUID(), null, null, definition(), 1, false);
    }

    private static ActionDefinition definition() {
        return new ActionDefinition("sendEmailAction", "SendTestEmail", "Send test e-mail", null, null, Trigger.OPEN,
                Map.of());
    }
}
