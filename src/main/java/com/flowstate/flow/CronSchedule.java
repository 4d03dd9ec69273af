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
 * {@code CronTimer} does, in the zone the engine reads crons in ({@link #engineZone()}, Europe/Rome, set by {@link
 * PlatformCalendarEnginePlugin}), so an admin sees the times the job executor will use and timers fire when this
 * says. {@link #nextRuns(String, Instant, int, ZoneId)} takes the zone as a parameter, to compare with the engine's
 * own calendar in any zone.
 */
public final class CronSchedule {

    /** The platform's calendar, in which crons are read and their runs shown. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(
            CronType.SPRING53));

    private CronSchedule() {
    }

    /** The zone the engine reads a cron's fields in: the platform's ({@link PlatformCalendarEnginePlugin}). */
    public static ZoneId engineZone() {
        return ZONE;
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
        // What CronTimer.parse and CronTimer.getDueDate do, with the zone as a parameter instead of the JVM's default.
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
