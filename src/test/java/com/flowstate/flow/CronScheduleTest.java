package com.flowstate.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Test
    void aDailyRunKeepsItsLocalHourAcrossTheSpringDaylightSavingChangeInRome() {
        // Europe/Rome moves from +01:00 to +02:00 at 02:00 on Sunday 29 March 2026.
        Instant friday = ZonedDateTime.of(2026, 3, 27, 12, 0, 0, 0, ROME).toInstant();

        List<Instant> runs = CronSchedule.nextRuns("0 0 7 * * ?", friday, 3, ROME);

        assertThat(runs).containsExactly(
                Instant.parse("2026-03-28T06:00:00Z"),
                Instant.parse("2026-03-29T05:00:00Z"),
                Instant.parse("2026-03-30T05:00:00Z"));
        assertThat(runs).allSatisfy(run -> assertThat(run.atZone(ROME).getHour()).isEqualTo(7));
    }

    @Test
    void aDailyRunKeepsItsLocalHourAcrossTheAutumnChangeInRome() {
        // Back from +02:00 to +01:00 at 03:00 on Sunday 25 October 2026.
        Instant saturday = ZonedDateTime.of(2026, 10, 24, 8, 0, 0, 0, ROME).toInstant();

        List<Instant> runs = CronSchedule.nextRuns("0 0 7 * * ?", saturday, 3, ROME);

        assertThat(runs).containsExactly(
                Instant.parse("2026-10-25T06:00:00Z"),
                Instant.parse("2026-10-26T06:00:00Z"),
                Instant.parse("2026-10-27T06:00:00Z"));
    }

    @Test
    void theEngineReadsACronInRomeTimeWhateverTheServersZone() {
        Date friday = Date.from(ZonedDateTime.of(2026, 3, 27, 12, 0, 0, 0, ROME).toInstant());
        var calendar = new PlatformCalendarEnginePlugin.PlatformCycleCalendar();

        Date saturday = calendar.resolveDuedate("0 0 7 * * ?", friday);
        Date sunday = calendar.resolveDuedate("0 0 7 * * ?", saturday);

        assertThat(saturday.toInstant()).isEqualTo(Instant.parse("2026-03-28T06:00:00Z"));
        assertThat(sunday.toInstant()).isEqualTo(Instant.parse("2026-03-29T05:00:00Z"));
        assertThat(calendar.resolveDuedate("R3/PT10M", friday)).isEqualTo(
                Date.from(friday.toInstant().plusSeconds(600)));
    }

    @Test
    void inTheServersZoneTheRunsAreTheDueDatesOfTheEnginesOwnCronTimer() throws Exception {
        String cron = "0 15 6,18 * * MON-FRI";
        Instant from = Instant.parse("2026-03-26T10:00:00Z");
        List<Instant> engine = new ArrayList<>();
        Date after = Date.from(from);
        for (int i = 0; i < 5; i++) {
            after = CronTimer.parse(cron).getDueDate(after);
            engine.add(after.toInstant());
        }

        assertThat(CronSchedule.nextRuns(cron, from, 5, ZoneId.systemDefault())).isEqualTo(engine);
    }

    @Test
    void aCronTheEngineCannotReadIsRefused() {
        assertThatThrownBy(() -> CronSchedule.nextRuns("every day at seven", Instant.now(), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every day at seven");
    }
}
