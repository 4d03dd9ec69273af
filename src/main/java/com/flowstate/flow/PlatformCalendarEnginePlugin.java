package com.flowstate.flow;

import java.util.Date;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Makes the engine read a cron's fields in the platform's time zone, Europe/Rome ({@link CronSchedule#ZONE}), not in
 * the server's: "0 0 7 * * ?" is 7:00 in Italy, summer and winter, wherever the server's clock is set (containers
 * commonly run on UTC). The engine's own cycle calendar reads crons in the JVM's default zone; this one differs only
 * there. ISO repeating intervals ({@code R/…}) are left to the engine. See decision 0033.
 */
@Component
class PlatformCalendarEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new PlatformCycleCalendar());
        configuration.setBusinessCalendarManager(calendars);
    }

    /** The engine's cycle calendar with crons read in the platform's zone. */
    static final class PlatformCycleCalendar extends CycleBusinessCalendar {

        @Override
        public Date resolveDuedate(String duedateDescription, Date startDate, long repeatOffset) {
            if (duedateDescription.startsWith("R")) {
                return super.resolveDuedate(duedateDescription, startDate, repeatOffset);
            }
            Date after = startDate == null ? ClockUtil.getCurrentTime() : startDate;
            try {
                return CronSchedule.nextRuns(duedateDescription, after.toInstant(), 1).stream().findFirst()
                        .map(Date::from).orElse(null);
            } catch (IllegalArgumentException e) {
                throw new ProcessEngineException("Cannot read cycle expression '" + duedateDescription + "': "
                        + e.getMessage(), e);
            }
        }
    }
}
