package com.flowstate.action.export;

import java.text.ParseException;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.flowstate.flow.ActionType;

/**
 * Runs scheduled export templates through the engine: for a template with a cron, a small process is deployed whose
 * timer start event fires on the cron and whose one service task is the Export action, the same action a flow places
 * in a substate. The engine's job executor then runs it exactly once per tick on whichever node, retries it and
 * records its failures like any other action.
 *
 * <p>Saving the template again deploys a new version (the engine drops the old version's timer); clearing the cron
 * suspends the process, timer included. The process key comes from the template's id, so it is a valid BPMN id
 * whatever the template's name. It listens for {@link ExportTemplateSaved} rather than being called, so that the
 * template service (which deploy-time checks use while the engine itself starts) does not depend on the engine.
 */
@Component
class ExportScheduleDeployer {

    static final String PROCESS_PREFIX = "ScheduledExport_";
    private static final Logger log = LoggerFactory.getLogger(ExportScheduleDeployer.class);
    /** How long the engine keeps the history of a scheduled run; the Exports tab keeps its own rows. */
    private static final int HISTORY_DAYS = 30;

    private final RepositoryService repository;

    ExportScheduleDeployer(RepositoryService repository) {
        this.repository = repository;
    }

    /**
     * @throws IllegalArgumentException when Camunda cannot read the cron (it wants seconds first, e.g.
     *                                  {@code 0 0 7 * * ?})
     */
    static void validate(String cron) {
        try {
            CronTimer.parse(cron);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("Not a cron expression Camunda can schedule: '" + cron + "' ("
                    + e.getMessage() + "); it has seconds first, e.g. '0 0 7 * * ?' for every day at 7:00", e);
        }
    }

    /**
     * Deploys (or re-activates) the template's schedule, or suspends it when the template has none. It runs in the
     * transaction that saves the template: a schedule the engine refuses rolls the save back.
     */
    @EventListener
    void on(ExportTemplateSaved saved) {
        ExportTemplate template = saved.template();
        String key = processKey(saved.templateId());
        if (!template.isScheduled()) {
            suspend(key);
            return;
        }
        repository.createDeployment()
                .name("export-schedule:" + template.name())
                .source("flowstate-exports")
                .enableDuplicateFiltering(true)
                .addModelInstance(key + ".bpmn", model(key, template))
                .deploy();
        ProcessDefinition latest = latest(key);
        if (latest != null && latest.isSuspended()) {
            repository.updateProcessDefinitionSuspensionState().byProcessDefinitionId(latest.getId())
                    .includeProcessInstances(false).activate();
        }
        log.info("Export template '{}' scheduled on '{}' as process {}", template.name(), template.scheduleCron(),
                key);
    }

    static String processKey(long templateId) {
        return PROCESS_PREFIX + templateId;
    }

    private void suspend(String key) {
        ProcessDefinition latest = latest(key);
        if (latest != null && !latest.isSuspended()) {
            repository.updateProcessDefinitionSuspensionState().byProcessDefinitionKey(key)
                    .includeProcessInstances(false).suspend();
            log.info("Schedule {} suspended: its export template has no cron any more", key);
        }
    }

    private ProcessDefinition latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private static BpmnModelInstance model(String key, ExportTemplate template) {
        return Bpmn.createExecutableProcess(key)
                .name("Esportazione pianificata: " + template.name())
                .camundaHistoryTimeToLive(HISTORY_DAYS)
                .startEvent("ScheduleTicked").name(template.scheduleCron())
                    .timerWithCycle(template.scheduleCron())
                .serviceTask("RunScheduledExport").name("Esporta " + template.name())
                    .camundaAsyncBefore()
                    .camundaDelegateExpression(ActionType.EXPORT.delegateExpression())
                    .camundaInputParameter(RunExportAction.EXPORT_TEMPLATE, template.name())
                .endEvent("ScheduledExportDone")
                .done();
    }
}
