package com.flowstate.flow;

import java.text.ParseException;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs an action on a cron, outside any opportunity's flow: for each schedule a small process is deployed whose
 * timer start event fires on the cron and whose one service task is the action, asynchronous like every action. The
 * engine's job executor then runs it exactly once per tick on whichever node, retries it and reports its attempts
 * like any other action's ({@link ActionAttempts}; the attempt has no opportunity).
 *
 * <p>Scheduling a key again deploys a new version when anything changed (the engine drops the old version's timer);
 * unscheduling suspends the process, timer included, and keeps its history.
 */
@Service
public class ScheduledActions {

    private static final Logger log = LoggerFactory.getLogger(ScheduledActions.class);
    /** How long the engine keeps the history of a scheduled run; the action's own history keeps its rows. */
    private static final int HISTORY_DAYS = 30;
    /** The deployment source of every schedule, so that a schedule is not mistaken for a designer's flow. */
    static final String DEPLOYMENT_SOURCE = "flowstate-schedules";

    private final RepositoryService repository;

    ScheduledActions(RepositoryService repository) {
        this.repository = repository;
    }

    /**
     * Checks a cron before anything is saved. Static, so a caller that the deploy-time checks use while the engine
     * starts needs no engine bean.
     *
     * @throws IllegalArgumentException when the engine cannot read the cron (it wants seconds first, e.g.
     *                                  {@code 0 0 7 * * ?})
     */
    public static void checkCron(String cron) {
        try {
            CronTimer.parse(cron);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("Not a cron expression Camunda can schedule: '" + cron + "' ("
                    + e.getMessage() + "); it has seconds first, e.g. '0 0 7 * * ?' for every day at 7:00", e);
        }
    }

    /**
     * Runs the action on the cron from now on, replacing what the key scheduled before. It runs in the caller's
     * transaction: a schedule the engine refuses (an unknown action, a literal parameter that fails the action's
     * deploy-time checks) rolls the caller back.
     *
     * @param key        the schedule's id, a valid BPMN id (letters, digits, {@code _}), stable for what it schedules
     * @param name       what the schedule is called in Cockpit
     * @param actionName the action's bean name, e.g. {@code runExportAction}
     * @param parameters the action's input parameters
     */
    public void schedule(String key, String name, String cron, String actionName, Map<String, String> parameters) {
        repository.createDeployment()
                .name("scheduled-action:" + key)
                .source(DEPLOYMENT_SOURCE)
                .enableDuplicateFiltering(true)
                .addModelInstance(key + ".bpmn", model(key, name, cron, actionName, parameters))
                .deploy();
        ProcessDefinition latest = latest(key);
        if (latest != null && latest.isSuspended()) {
            repository.updateProcessDefinitionSuspensionState().byProcessDefinitionId(latest.getId())
                    .includeProcessInstances(false).activate();
        }
    }

    /** Stops the key's schedule, if it has one; runs already started go on. */
    public void unschedule(String key) {
        ProcessDefinition latest = latest(key);
        if (latest != null && !latest.isSuspended()) {
            repository.updateProcessDefinitionSuspensionState().byProcessDefinitionKey(key)
                    .includeProcessInstances(false).suspend();
            log.info("Schedule {} suspended", key);
        }
    }

    private ProcessDefinition latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private static BpmnModelInstance model(String key, String name, String cron, String actionName,
                                           Map<String, String> parameters) {
        ServiceTaskBuilder task = Bpmn.createExecutableProcess(key)
                .name(name)
                .camundaHistoryTimeToLive(HISTORY_DAYS)
                .startEvent("ScheduleTicked").name(cron)
                    .timerWithCycle(cron)
                .serviceTask("RunScheduledAction").name(name)
                    .camundaAsyncBefore()
                    .camundaDelegateExpression("${" + actionName + "}");
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            task = task.camundaInputParameter(parameter.getKey(), parameter.getValue());
        }
        return task.endEvent("ScheduledActionDone").done();
    }
}
