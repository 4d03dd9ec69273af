package com.flowstate.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The numbers of one fault run, from the client's answers ({@link Burst.Result}), the database
 * ({@link ActionLedger.Snapshot}) and the SMTP server ({@link FaultMailbox}): what was expected, done, duplicated and
 * lost, and how long recovery took. Printed and written beside the nodes' logs; the test asserts on the same numbers.
 *
 * @param heldByKilled    process instances whose job the killed node held locked (still locked after the other nodes'
 *                        work of the moment was done): work only recovery after the lock time can finish
 * @param inFlightAtCrash Message-IDs of the e-mails whose job a node held locked when it was killed: the only ones a
 *                        crash between the send and its commit may deliver twice
 * @param timings         named durations (restart → ready, kill → all actions done, …), in the order measured
 */
record FaultReport(String run, int changes, Burst.Result burst, ActionLedger.Snapshot ledger,
                   Map<String, Integer> deliveries, int heldByKilled, Set<String> inFlightAtCrash,
                   Map<String, Duration> timings) {

    int expectedActions() {
        return changes * ActionLedger.Action.values().length;
    }

    /** Substate changes with no successful manual close row. */
    Set<Long> missingCloses() {
        Set<Long> missing = new TreeSet<>();
        ledger.closes().forEach((opportunity, closes) -> {
            if (closes != 1) {
                missing.add(opportunity);
            }
        });
        return missing;
    }

    /** Acknowledged changes (2xx) the database does not show. */
    Set<Long> acknowledgedButMissing() {
        Set<Long> missing = new TreeSet<>(burst.acknowledged());
        missing.removeIf(opportunity -> ledger.closes().getOrDefault(opportunity, 0) == 1);
        return missing;
    }

    /** Opportunities with other than one activity made by the close. */
    Map<Long, Integer> wrongActivityCounts() {
        Map<Long, Integer> wrong = new TreeMap<>();
        ledger.activities().forEach((opportunity, count) -> {
            if (count != 1) {
                wrong.put(opportunity, count);
            }
        });
        return wrong;
    }

    /** Message-IDs delivered more than once, with how often. */
    Map<String, Integer> duplicateEmails() {
        Map<String, Integer> duplicates = new TreeMap<>();
        deliveries.forEach((id, count) -> {
            if (count > 1) {
                duplicates.put(id, count);
            }
        });
        return duplicates;
    }

    /** Duplicates outside the crash window: never acceptable. */
    Map<String, Integer> duplicateEmailsOutsideCrashWindow() {
        Map<String, Integer> outside = new TreeMap<>(duplicateEmails());
        outside.keySet().removeAll(inFlightAtCrash);
        return outside;
    }

    /** E-mails the history names (sent) that the SMTP server never received. */
    Set<String> lostEmails() {
        Set<String> lost = new TreeSet<>();
        ledger.messageIds().values().forEach(ids -> ids.stream().filter(id -> !deliveries.containsKey(id))
                .forEach(lost::add));
        return lost;
    }

    /** Deliveries no history row accounts for. */
    Set<String> strayEmails() {
        Set<String> known = new TreeSet<>();
        ledger.messageIds().values().forEach(known::addAll);
        Set<String> stray = new TreeSet<>(deliveries.keySet());
        stray.removeAll(known);
        return stray;
    }

    String text() {
        Map<String, Object> lines = new LinkedHashMap<>();
        lines.put("substate changes", changes);
        lines.put("  acknowledged (2xx)", burst.acknowledged().size());
        lines.put("  already closed on a retry after a lost answer", burst.alreadyClosed().size());
        lines.put("  requests without an answer (node down)", burst.unanswered());
        lines.put("  requests answered 'try again'", burst.retried());
        lines.put("  abandoned at the deadline", burst.abandoned().size());
        lines.put("  with exactly one successful close in history", changes - missingCloses().size());
        lines.put("  refused closes logged (retries)", ledger.refusedCloses());
        lines.put("  jobs the killed node held locked", heldByKilled);
        lines.put("actions expected", expectedActions());
        lines.put("  done exactly once", ledger.done());
        lines.put("  duplicated (extra history rows)", ledger.duplicated());
        lines.put("  lost (no successful row)", ledger.lost());
        lines.put("  history rows not final", ledger.unfinished());
        lines.put("  activities made other than once", wrongActivityCounts().size());
        lines.put("e-mails expected", changes);
        lines.put("  delivered (distinct Message-IDs)", deliveries.size());
        lines.put("  delivered twice or more", duplicateEmails().size());
        lines.put("  of which outside the crash window", duplicateEmailsOutsideCrashWindow().size());
        lines.put("  in flight at the crash (locked jobs' e-mails)", inFlightAtCrash.size());
        lines.put("  lost", lostEmails().size());
        lines.put("  stray", strayEmails().size());
        lines.put("engine: jobs left / instances running / incidents",
                ledger.jobsLeft() + " / " + ledger.running() + " / " + ledger.incidents());
        timings.forEach((name, duration) -> lines.put(name, String.format("%.1f s", duration.toMillis() / 1000.0)));
        StringBuilder text = new StringBuilder("=== Fault run " + run + "\n");
        lines.forEach((name, value) -> text.append(String.format("%-52s %s%n", name, value)));
        duplicateEmails().forEach((id, count) -> text.append("duplicate e-mail ").append(id).append(" x").append(count)
                .append(inFlightAtCrash.contains(id) ? " (in flight at the crash)" : " (NOT in flight at the crash)")
                .append('\n'));
        lostEmails().forEach(id -> text.append("lost e-mail ").append(id).append('\n'));
        missingCloses().forEach(id -> text.append("opportunity ").append(id)
                .append(": ").append(ledger.closes().get(id)).append(" successful manual close rows in the history")
                .append(burst.acknowledged().contains(id) ? " though the client got a 2xx" : " (its answer was lost)")
                .append('\n'));
        burst.surprises().forEach(surprise -> text.append("surprise: ").append(surprise).append('\n'));
        return text.toString();
    }

    /** Prints the report and writes it to {@code file}. */
    FaultReport publish(Path file) {
        String text = text();
        System.out.println(text);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
