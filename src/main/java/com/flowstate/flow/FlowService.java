package com.flowstate.flow;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.EventSubscriptionDeclaration;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.flowstate.i18n.Reason;

/**
 * The opportunity flow as the rest of the app sees it: start it, open and close substates by hand. All engine calls
 * of the app go through here, so a move to another Camunda 7 fork touches few places.
 */
@Service
public class FlowService {

    private static final int OPTIMISTIC_LOCK_ATTEMPTS = 5;

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final HistoryService history;
    private final TaskService tasks;
    private final FlowProperties properties;
    private final TransactionTemplate transactions;

    FlowService(RuntimeService runtime, RepositoryService repository, HistoryService history, TaskService tasks,
                FlowProperties properties, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.tasks = tasks;
        this.properties = properties;
    }

    /** The flow new opportunities start on when nothing else is chosen ({@code flowstate.flow.process-key}). */
    public String defaultFlowKey() {
        return properties.processKey();
    }

    /**
     * Starts the latest version of a flow for an opportunity; the opportunity's id is the process instance's business
     * key.
     *
     * @throws IllegalArgumentException when no such flow is deployed
     */
    public FlowInstance start(String flowKey, long opportunityId) {
        var latest = latest(flowKey).orElseThrow(() -> new IllegalArgumentException("Unknown flow '" + flowKey + "'"));
        String id = runtime.startProcessInstanceById(latest.getId(), Long.toString(opportunityId)).getId();
        return new FlowInstance(id, flowKey, latest.getVersion());
    }

    /** The substates of the flow version a process instance runs (ended or not), in model order. */
    public List<Substate> substatesOf(String processInstanceId) {
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        return instance == null ? List.of() : substatesOfDefinition(instance.getProcessDefinitionId());
    }

    /** The substates of one process definition (a flow version), in model order. */
    List<Substate> substatesOfDefinition(String processDefinitionId) {
        List<Substate> substates = new ArrayList<>();
        collectSubstates(definition(processDefinitionId), substates);
        return substates;
    }

    private Optional<ProcessDefinition> latest(String flowKey) {
        if (flowKey == null || flowKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(flowKey)
                .latestVersion().singleResult());
    }

    /**
     * Closes an open substate: its on-close actions run and the flow moves on.
     *
     * @throws SubstateChangeException when the substate is unknown or not open
     */
    public void closeSubstate(String processInstanceId, String substateKey) {
        closeSubstate(processInstanceId, substateKey, () -> { });
    }

    /**
     * Closes an open substate, and runs {@code withTheChange} in the same transaction (what must be kept if and only
     * if the change is: its log row).
     *
     * @throws SubstateChangeException when the substate is unknown or not open
     */
    public void closeSubstate(String processInstanceId, String substateKey, Runnable withTheChange) {
        ActivityImpl wait = waitStateOf(processInstanceId, substateKey);
        withOptimisticRetry(() -> inOneTransaction(withTheChange, () -> {
            if ("userTask".equals(wait.getProperties().get(BpmnProperties.TYPE))) {
                Task task = tasks.createTaskQuery().processInstanceId(processInstanceId)
                        .taskDefinitionKey(wait.getId()).singleResult();
                if (task == null) {
                    throw notOpen(wait);
                }
                tasks.complete(task.getId());
            } else {
                try {
                    runtime.createMessageCorrelation(closeMessageOf(wait)).processInstanceId(processInstanceId)
                            .correlateWithResult();
                } catch (MismatchingMessageCorrelationException e) {
                    throw notOpen(wait);
                }
            }
        }));
    }

    /**
     * Opens a substate that is not open: its on-open actions run, and when it closes the flow continues from it.
     *
     * @throws SubstateChangeException when the substate is unknown or already open
     */
    public void openSubstate(String processInstanceId, String substateKey) {
        openSubstate(processInstanceId, substateKey, () -> { });
    }

    /**
     * Opens a substate that is not open, and runs {@code withTheChange} in the same transaction.
     *
     * @throws SubstateChangeException when the substate is unknown or already open
     */
    public void openSubstate(String processInstanceId, String substateKey, Runnable withTheChange) {
        SubstateWait target = (SubstateWait) waitStateOf(processInstanceId, substateKey)
                .getProperty(FlowModelParseListener.SUBSTATE_WAIT_PROPERTY);
        String substateId = FlowModelParseListener.SUBSTATE_PREFIX + substateKey;
        withOptimisticRetry(() -> inOneTransaction(withTheChange, () -> {
            ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
            if (tree != null && tree.getActivityInstances(substateId).length > 0) {
                throw new SubstateChangeException(SubstateChangeException.Reason.ALREADY_OPEN,
                        Reason.of("substate.alreadyOpen", target.nameParameters()));
            }
            runtime.createProcessInstanceModification(processInstanceId).startBeforeActivity(substateId).execute();
        }));
    }

    /**
     * The change and what goes with it in one transaction (a request's own, when it has one: an Idempotency-Key);
     * a collision rolls both back, and {@link #withOptimisticRetry} tries again in a new one.
     */
    private Void inOneTransaction(Runnable withTheChange, Runnable change) {
        return transactions.execute(status -> {
            change.run();
            withTheChange.run();
            return null;
        });
    }

    private ActivityImpl waitStateOf(String processInstanceId, String substateKey) {
        var instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            throw new SubstateChangeException(SubstateChangeException.Reason.NOT_OPEN,
                    Reason.of("flow.ended"));
        }
        ActivityImpl substate = definition(instance.getProcessDefinitionId())
                .findActivity(FlowModelParseListener.SUBSTATE_PREFIX + substateKey);
        return Optional.ofNullable(substate).flatMap(FlowService::waitStateIn)
                .orElseThrow(() -> new SubstateChangeException(SubstateChangeException.Reason.UNKNOWN_SUBSTATE,
                        Reason.of("substate.unknown", "substate", substateKey)));
    }

    private static Optional<ActivityImpl> waitStateIn(ActivityImpl substate) {
        return substate.getActivities().stream()
                .filter(child -> child.getProperty(FlowModelParseListener.SUBSTATE_WAIT_PROPERTY) != null)
                .findFirst();
    }

    private static String closeMessageOf(ActivityImpl wait) {
        return EventSubscriptionDeclaration.getDeclarationsForScope(wait.getEventScope()).values().stream()
                .filter(declaration -> wait.getId().equals(declaration.getActivityId()))
                .map(EventSubscriptionDeclaration::getUnresolvedEventName)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Wait state " + wait.getId() + " has no message"));
    }

    private static SubstateChangeException notOpen(ActivityImpl wait) {
        SubstateWait substate = (SubstateWait) wait.getProperty(FlowModelParseListener.SUBSTATE_WAIT_PROPERTY);
        return new SubstateChangeException(SubstateChangeException.Reason.NOT_OPEN,
                Reason.of("substate.notOpen", substate.nameParameters()));
    }

    private ProcessDefinitionEntity definition(String processDefinitionId) {
        return (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository)
                .getDeployedProcessDefinition(processDefinitionId);
    }

    static void collectSubstates(ScopeImpl scope, List<Substate> into) {
        for (ActivityImpl activity : scope.getActivities()) {
            waitStateIn(activity)
                    .map(wait -> (SubstateWait) wait.getProperty(FlowModelParseListener.SUBSTATE_WAIT_PROPERTY))
                    .ifPresent(wait -> into.add(new Substate(wait.substateKey(), wait.substateName())));
            collectSubstates(activity, into);
        }
    }

    /**
     * Two users (or a user and a job) touching one instance at once: the loser simply tries again, and after a few
     * tries gives up with a conflict (409) the client can retry, rather than an error.
     */
    static <T> T withOptimisticRetry(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (ProcessEngineException e) {
                if (!isConcurrentChange(e)) {
                    throw e;
                }
                // Inside a caller's transaction (a request with an Idempotency-Key) the collision has doomed that
                // transaction: trying again in it is useless, its client retries the whole request.
                if (attempt == OPTIMISTIC_LOCK_ATTEMPTS
                        || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw new SubstateChangeException(SubstateChangeException.Reason.CONCURRENT_CHANGE,
                            Reason.of("substate.concurrentChange"));
                }
            }
        }
    }

    /**
     * A collision with another transaction on the same instance: optimistic locking, a deadlock, a child execution a
     * job added under a scope this change removes, or (ENGINE-03077) a parent execution that a job committing at the
     * same moment removed while this command was loading the tree.
     */
    private static boolean isConcurrentChange(ProcessEngineException e) {
        if (e instanceof OptimisticLockingException
                || (e.getMessage() != null && e.getMessage().startsWith("ENGINE-03077"))) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // PostgreSQL chose this transaction as a deadlock's or a serialization failure's victim, or a job
            // committed a child execution (a timer firing) under the scope this change ends: act_fk_exe_parent.
            if (cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()) || ("23503".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("act_fk_exe")))) {
                return true;
            }
        }
        return false;
    }
}
