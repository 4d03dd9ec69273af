package com.flowstate.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * The flows designers deployed: every process that follows the substate contract (it has substates), with its
 * versions, when each was deployed and how many opportunities run on it. Processes without substates (the ones behind
 * scheduled exports, a designer's helper process) are not flows.
 */
@Service
public class FlowCatalogue {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final FlowService flows;
    private final FlowDeployments deployments;

    FlowCatalogue(RepositoryService repository, RuntimeService runtime, FlowService flows,
                  FlowDeployments deployments) {
        this.repository = repository;
        this.runtime = runtime;
        this.flows = flows;
        this.deployments = deployments;
    }

    /** Every flow, by key, each with its versions newest first. */
    public List<Flow> flows() {
        Map<String, List<ProcessDefinition>> byKey = new LinkedHashMap<>();
        repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
                .orderByProcessDefinitionVersion().desc().list()
                .forEach(definition -> byKey.computeIfAbsent(definition.getKey(), key -> new ArrayList<>())
                        .add(definition));
        List<Flow> found = new ArrayList<>();
        byKey.forEach((key, versions) -> flowOf(key, versions).ifPresent(found::add));
        return found;
    }

    /** The keys of the flows new opportunities can start on, without their versions' details. */
    public List<String> flowKeys() {
        return repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
                .stream().filter(latest -> !flows.substatesOfDefinition(latest.getId()).isEmpty())
                .map(ProcessDefinition::getKey).toList();
    }

    /** One flow, if a process with this key follows the substate contract. */
    public Optional<Flow> flow(String key) {
        List<ProcessDefinition> versions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().desc().list();
        return versions.isEmpty() ? Optional.empty() : flowOf(key, versions);
    }

    /** The flow new opportunities start on when nothing else is chosen ({@code flowstate.flow.process-key}). */
    public String defaultFlowKey() {
        return flows.defaultFlowKey();
    }

    /** Whether new opportunities can start on this flow. */
    public boolean exists(String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
        return latest != null && !flows.substatesOfDefinition(latest.getId()).isEmpty();
    }

    /** The BPMN of one version of a flow, as deployed. */
    public Optional<String> diagram(String key, int version) {
        if (version < 1) { // versions count from 1; the engine's query refuses anything less with an exception
            return Optional.empty();
        }
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(key)
                        .processDefinitionVersion(version).singleResult())
                .map(definition -> {
                    try (InputStream in = repository.getProcessModel(definition.getId())) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private Optional<Flow> flowOf(String key, List<ProcessDefinition> versions) {
        ProcessDefinition latest = versions.get(0);
        List<Substate> substates = flows.substatesOfDefinition(latest.getId());
        if (substates.isEmpty()) {
            return Optional.empty();
        }
        List<FlowVersion> described = versions.stream().sorted(Comparator.comparingInt(
                ProcessDefinition::getVersion).reversed()).map(this::version).toList();
        return Optional.of(new Flow(key, latest.getName() == null ? key : latest.getName(),
                key.equals(flows.defaultFlowKey()), substates, described));
    }

    private FlowVersion version(ProcessDefinition definition) {
        Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId())
                .singleResult();
        Instant deployedAt = deployment == null || deployment.getDeploymentTime() == null ? null
                : deployment.getDeploymentTime().toInstant();
        long running = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
        String deployedBy = deployments.ofVersion(definition.getKey(), definition.getVersion())
                .map(FlowDeployment::deployedBy).orElse(null);
        return new FlowVersion(definition.getVersion(), definition.getId(), definition.getDeploymentId(),
                deployment == null ? null : deployment.getName(), deployedAt, deployedBy, running);
    }

    /**
     * A flow: a process with substates.
     *
     * @param isDefault whether new opportunities start on it when their type names no flow
     * @param substates the latest version's substates, in model order
     * @param versions  newest first
     */
    public record Flow(String key, String name, boolean isDefault, List<Substate> substates,
                       List<FlowVersion> versions) {

        public FlowVersion latest() {
            return versions.get(0);
        }
    }

    /**
     * One deployed version of a flow.
     *
     * @param deploymentName       the deployment's name (Modeler sends the file name; {@code SpringAutoDeployment}
     *                             for the flows in {@code bpmn/})
     * @param deployedBy           the user who deployed it ({@code system} for the flows in {@code bpmn/}); null for a
     *                             version deployed before deployments were recorded
     * @param runningOpportunities process instances still running on this version
     */
    public record FlowVersion(int version, String processDefinitionId, String deploymentId, String deploymentName,
                              Instant deployedAt, String deployedBy, long runningOpportunities) {
    }
}
