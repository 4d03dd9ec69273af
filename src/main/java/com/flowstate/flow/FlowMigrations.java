package com.flowstate.flow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves running opportunities from one version of a flow to another (Camunda's migration API): every activity maps
 * to the one with the same id in the target version. A dry run lists, per opportunity, the open activities the
 * target version does not have; the migration itself moves only the opportunities with none, and each move is
 * published as {@link FlowMigrated} (the Substates tab logs it, the opportunity takes the new version).
 */
@Service
public class FlowMigrations {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;

    FlowMigrations(RepositoryService repository, RuntimeService runtime, ApplicationEventPublisher events) {
        this.repository = repository;
        this.runtime = runtime;
        this.events = events;
    }

    /**
     * What a migration would do, changing nothing.
     *
     * @throws IllegalArgumentException for an unknown flow or version, or the same version twice
     */
    @PreAuthorize("hasRole('ADMIN')")
    public MigrationReport dryRun(String flowKey, int fromVersion, int toVersion) {
        return report(flowKey, fromVersion, toVersion);
    }

    /**
     * Moves every running opportunity of {@code fromVersion} that the target version can take; the others stay, and
     * the report says why.
     *
     * @param by who migrates them, for the log
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public MigrationReport migrate(String flowKey, int fromVersion, int toVersion, String by) {
        MigrationReport report = report(flowKey, fromVersion, toVersion);
        List<String> movable = report.opportunities().stream().filter(o -> o.unmapped().isEmpty())
                .map(MigratingOpportunity::processInstanceId).toList();
        if (report.plannable() && !movable.isEmpty()) {
            runtime.newMigration(plan(flowKey, fromVersion, toVersion)).processInstanceIds(movable).execute();
            Instant at = Instant.now();
            report.opportunities().stream().filter(o -> o.unmapped().isEmpty()).forEach(o -> events.publishEvent(
                    new FlowMigrated(o.opportunityId(), o.processInstanceId(), flowKey, fromVersion, toVersion, by, at)));
        }
        return report.migrated(movable.size());
    }

    private MigrationReport report(String flowKey, int fromVersion, int toVersion) {
        if (fromVersion == toVersion) {
            throw new IllegalArgumentException("Migrating " + flowKey + " v" + fromVersion + " to itself changes nothing");
        }
        ProcessDefinition source = version(flowKey, fromVersion);
        version(flowKey, toVersion);
        MigrationPlan plan;
        try {
            plan = plan(flowKey, fromVersion, toVersion);
        } catch (MigrationPlanValidationException e) {
            return new MigrationReport(flowKey, fromVersion, toVersion, false, List.of(e.getMessage()), List.of(), 0);
        }
        Set<String> mapped = new HashSet<>();
        plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).forEach(mapped::add);
        List<MigratingOpportunity> opportunities = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list()) {
            List<String> unmapped = new ArrayList<>();
            collectUnmapped(runtime.getActivityInstance(instance.getId()), mapped, unmapped, true);
            opportunities.add(new MigratingOpportunity(Opportunities.ofBusinessKey(instance.getBusinessKey()),
                    instance.getId(), unmapped));
        }
        return new MigrationReport(flowKey, fromVersion, toVersion, true, List.of(), opportunities, 0);
    }

    private static void collectUnmapped(ActivityInstance instance, Set<String> mapped, List<String> into,
                                        boolean root) {
        if (instance == null) {
            return;
        }
        if (!root && !mapped.contains(instance.getActivityId())) {
            into.add(instance.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collectUnmapped(child, mapped, into, false);
        }
    }

    private MigrationPlan plan(String flowKey, int fromVersion, int toVersion) {
        return runtime.createMigrationPlan(version(flowKey, fromVersion).getId(), version(flowKey, toVersion).getId())
                .mapEqualActivities().updateEventTriggers().build();
    }

    private ProcessDefinition version(String flowKey, int version) {
        // Versions count from 1; the engine's query refuses anything less with an exception of its own.
        ProcessDefinition definition = version < 1 ? null : repository.createProcessDefinitionQuery()
                .processDefinitionKey(flowKey).processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new IllegalArgumentException("Unknown flow version " + flowKey + " v" + version);
        }
        return definition;
    }

    /**
     * What a migration from one version to another does (or, for a dry run, would do).
     *
     * @param plannable     whether the two versions can be mapped at all; {@code problems} say why not
     * @param opportunities the opportunities running on {@code fromVersion}
     * @param migrated      how many were moved (0 for a dry run)
     */
    public record MigrationReport(String flowKey, int fromVersion, int toVersion, boolean plannable,
                                  List<String> problems, List<MigratingOpportunity> opportunities, int migrated) {

        MigrationReport migrated(int count) {
            return new MigrationReport(flowKey, fromVersion, toVersion, plannable, problems, opportunities, count);
        }
    }

    /**
     * One running opportunity of the source version.
     *
     * @param unmapped its open activities the target version does not have: it cannot move while they are open
     */
    public record MigratingOpportunity(Long opportunityId, String processInstanceId, List<String> unmapped) {
    }
}
