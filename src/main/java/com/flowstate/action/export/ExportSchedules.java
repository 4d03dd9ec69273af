package com.flowstate.action.export;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.flowstate.flow.ScheduledActions;

/**
 * Runs scheduled export templates: a template with a cron runs the Export action on it, outside any opportunity
 * ({@link ScheduledActions}), the same action a flow places in a substate. Clearing the cron stops the schedule.
 *
 * <p>The schedule's key comes from the template's id, so it is a valid BPMN id whatever the template's name. It
 * listens for {@link ExportTemplateSaved} rather than being called, so that the template service (which deploy-time
 * checks use while the engine itself starts) does not depend on the engine; it runs in the transaction that saves
 * the template, so a schedule the engine refuses rolls the save back.
 */
@Component
class ExportSchedules {

    static final String PROCESS_PREFIX = "ScheduledExport_";
    private static final Logger log = LoggerFactory.getLogger(ExportSchedules.class);

    private final ScheduledActions schedules;
    private final RunExportAction action;

    ExportSchedules(ScheduledActions schedules, RunExportAction action) {
        this.schedules = schedules;
        this.action = action;
    }

    @EventListener
    void on(ExportTemplateSaved saved) {
        ExportTemplate template = saved.template();
        String key = processKey(saved.templateId());
        if (!template.isScheduled()) {
            schedules.unschedule(key);
            return;
        }
        schedules.schedule(key, "Esportazione pianificata: " + template.name(), template.scheduleCron(),
                action.name(), Map.of(RunExportAction.EXPORT_TEMPLATE, template.name()));
        log.info("Export template '{}' scheduled on '{}' as process {}", template.name(), template.scheduleCron(),
                key);
    }

    @EventListener
    void on(ExportTemplateDeleted deleted) {
        schedules.unschedule(processKey(deleted.templateId()));
    }

    static String processKey(long templateId) {
        return PROCESS_PREFIX + templateId;
    }
}
