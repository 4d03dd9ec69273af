package com.flowstate.action;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.ActionProperties;
import com.flowstate.i18n.Reason;

/**
 * Does what an action execution hands to the outside world (an e-mail, a report, an export to SMTP) once, although
 * the attempt that does it can be rolled back, retried, run again after a crash or by a second node (invariant 3).
 *
 * <p>The window in which a send could be repeated is closed from both sides, each in a transaction of its own:
 * <ol>
 *   <li>an <em>intent</em> is committed before the send (no intent, no send: with the database down nothing goes
 *   out);</li>
 *   <li>the action's delivery record is committed right after it, retried for the confirm window while the database
 *   does not answer, so an outage during the send does not lose the fact that it happened;</li>
 *   <li>a later attempt that finds the record does not send; one that finds only the intent knows an earlier attempt
 *   stopped between the two: it waits, up to the confirm window from that intent, for the record (the earlier attempt
 *   may still be confirming), and only then sends again, with the same Message-ID, and says so on the row.</li>
 * </ol>
 * What remains is the process dying between the SMTP server's acceptance and the commit of the record, a few
 * milliseconds: the e-mail is then sent twice with one Message-ID (README, "What can still happen twice").
 */
@Component
public class Outbound {

    static final Reason SENT_AGAIN = Reason.of("outbound.sentAgain");

    private static final Logger log = LoggerFactory.getLogger(Outbound.class);

    private final OwnTransaction ownTransaction;
    private final JdbcClient attemptTransaction;
    private final Duration confirmWindow;

    Outbound(OwnTransaction ownTransaction, JdbcClient attemptTransaction, ActionProperties properties) {
        this.ownTransaction = ownTransaction;
        this.attemptTransaction = attemptTransaction;
        this.confirmWindow = properties.confirmWindow();
    }

    /**
     * The execution's delivery: the one an earlier attempt recorded, or the one done now.
     *
     * @param recorded what an earlier attempt of this execution recorded having delivered, if anything
     * @param deliver  the delivery itself; throws (an {@link ActionFailure}) when nothing went out
     * @param record   commits the delivery record in a transaction of its own
     */
    public <T> T once(ActionAttempt attempt, HistoryRow row, Supplier<Optional<T>> recorded, Supplier<T> deliver,
                      Consumer<T> record) {
        String key = attempt.executionKey();
        Optional<T> earlier = recorded.get();
        if (earlier.isPresent()) {
            log.info("Action {} {} was already delivered by an earlier attempt; not sending again", attempt.action()
                    .action(), key);
            forgetWithTheAttempt(key);
            return earlier.get();
        }
        Optional<Duration> interrupted = begin(key);
        if (interrupted.isPresent()) {
            earlier = awaitRecord(interrupted.get(), recorded);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            log.warn("Action {} {}: an earlier attempt stopped between sending and recording it; sending again with"
                    + " the same Message-ID", attempt.action().action(), key);
            row.note(SENT_AGAIN);
        }
        T delivered;
        try {
            delivered = deliver.get();
        } catch (RuntimeException nothingWentOut) {
            forget(key);
            throw nothingWentOut;
        }
        confirm(key, delivered, record);
        forgetWithTheAttempt(key);
        return delivered;
    }

    /** Commits the intent; when one was already there, how long ago that attempt began. */
    private Optional<Duration> begin(String key) {
        return ownTransaction.call(jdbc -> {
            Optional<Duration> age = jdbc.sql("""
                            select extract(epoch from now() - started_at) * 1000 from outbound_intent
                            where execution_key = ?""")
                    .param(key).query(Double.class).optional()
                    .map(millis -> Duration.ofMillis(millis.longValue()));
            if (age.isEmpty()) {
                jdbc.sql("insert into outbound_intent (execution_key) values (?) on conflict do nothing")
                        .param(key).update();
            }
            return age;
        });
    }

    private <T> Optional<T> awaitRecord(Duration sinceIntent, Supplier<Optional<T>> recorded) {
        Instant until = Instant.now().plus(confirmWindow.minus(sinceIntent));
        Optional<T> found = recorded.get();
        while (found.isEmpty() && Instant.now().isBefore(until)) {
            pause(Duration.ofMillis(500));
            found = recorded.get();
        }
        return found;
    }

    private <T> void confirm(String key, T delivered, Consumer<T> record) {
        Instant until = Instant.now().plus(confirmWindow);
        Duration pause = Duration.ofMillis(200);
        while (true) {
            try {
                record.accept(delivered);
                break;
            } catch (DataAccessException | TransactionException databaseDown) {
                if (Instant.now().isAfter(until)) {
                    throw databaseDown;
                }
                log.info("Recording the delivery of {} failed ({}); trying again", key, databaseDown.getMessage());
                pause(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : pause.multipliedBy(2);
            }
        }
    }

    /**
     * Once the delivery is recorded the intent has done its work: it goes with the attempt's own commit rather than
     * in a transaction of its own (one commit less per delivery, decision 0025). Should the attempt roll back after
     * all, the intent stays beside the committed record, and the record is what the next attempt finds first; that
     * attempt then removes the intent.
     */
    private void forgetWithTheAttempt(String key) {
        attemptTransaction.sql("delete from outbound_intent where execution_key = ?").param(key).update();
    }

    /** Best effort: an intent left behind only makes a later attempt wait and mention a possible repeat. */
    private void forget(String key) {
        try {
            ownTransaction.run(jdbc -> jdbc.sql("delete from outbound_intent where execution_key = ?")
                    .param(key).update());
        } catch (DataAccessException | TransactionException databaseDown) {
            log.info("Could not remove the send intent of {}: {}", key, databaseDown.getMessage());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }
}
