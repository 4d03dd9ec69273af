package com.flowstate.flow;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import camundajar.impl.com.cronutils.model.CronType;
import camundajar.impl.com.cronutils.model.definition.CronDefinitionBuilder;
import camundajar.impl.com.cronutils.model.time.ExecutionTime;
import camundajar.impl.com.cronutils.parser.CronParser;

/**
 * When a cron that {@link ScheduledActions} deploys fires next, computed with the engine's own cron library and
 * definition (the cron-utils Camunda shades, Spring 5.3 syntax: seconds first, {@code ?} allowed), as its
 * {@code CronTimer} does, so an admin sees the times the job executor will use. The
 * engine reads a cron's hours in the JVM's default time zone ({@link #engineZone()}); {@link #nextRuns(String,
 * Instant, int, ZoneId)} takes the zone as a parameter so daylight-saving behaviour can be shown and tested for any.
 */
public final class CronSchedule {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(
            CronType.SPRING53));

    private CronSchedule() {
    }

    /** The zone Camunda's {@code CronTimer} reads a cron's fields in: the JVM's default, looked up on every use. */
    public static ZoneId engineZone() {
        return ZoneId.systemDefault();
    }

    /**
     * The next {@code count} times the cron fires after {@code after}, as the engine computes them.
     *
     * @throws IllegalArgumentException when the engine cannot read the cron
     */
    public static List<Instant> nextRuns(String cron, Instant after, int count) {
        return nextRuns(cron, after, count, engineZone());
    }

    /** As {@link #nextRuns(String, Instant, int)}, with the cron's fields read in {@code zone}. */
    public static List<Instant> nextRuns(String cron, Instant after, int count, ZoneId zone) {
        ScheduledActions.checkCron(cron);
        // What CronTimer.parse and CronTimer.getDueDate do, with the zone as a parameter instead of the JVM's.
        ExecutionTime times = ExecutionTime.forCron(PARSER.parse(cron));
        List<Instant> runs = new ArrayList<>();
        ZonedDateTime from = after.atZone(zone);
        while (runs.size() < count) {
            Optional<ZonedDateTime> next = times.nextExecution(from);
            if (next.isEmpty()) {
                break;
            }
            runs.add(next.get().toInstant());
            from = next.get();
        }
        return runs;
    }
}
