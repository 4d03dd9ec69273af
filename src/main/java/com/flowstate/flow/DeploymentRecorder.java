package com.flowstate.flow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Records every new deployment — who, when, which process keys and versions it created — in
 * {@code deployment_record}, from inside the engine's deploy command: it runs after the engine's own deployers, in
 * the deploying transaction (the engine's commands join the Spring transaction, and so does this insert), for
 * deployments made through the engine REST API, {@link FlowFilesDeployment} and {@link ScheduledActions} alike. A
 * deployment that is refused or rolled back leaves no record; a deployment the engine only re-reads into its cache is
 * not new and is not recorded again. It also publishes {@link FlowDeployed} in that transaction (the audit trail
 * records it).
 */
final class DeploymentRecorder implements Deployer {

    /** Who deployed when no one is signed in: the flows of {@code bpmn/} at start-up, scheduled work. */
    static final String SYSTEM = "system";

    private final ObjectProvider<JdbcClient> jdbc;
    private final ApplicationEventPublisher events;

    DeploymentRecorder(ObjectProvider<JdbcClient> jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        String by = deployer();
        Instant at = deployment.getDeploymentTime() == null ? Instant.now()
                : deployment.getDeploymentTime().toInstant();
        List<ProcessDefinition> created = deployment.getDeployedProcessDefinitions();
        List<String> processes = new ArrayList<>();
        if (created == null || created.isEmpty()) {
            insert(deployment, by, at, null);
        } else {
            for (ProcessDefinition definition : created) {
                insert(deployment, by, at, definition);
                processes.add(definition.getKey() + ":" + definition.getVersion());
            }
        }
        List<String> resources = deployment.getResources() == null ? List.of()
                : deployment.getResources().keySet().stream().sorted().toList();
        String name = deployment.getName() != null ? deployment.getName()
                : resources.isEmpty() ? deployment.getId() : resources.get(0);
        events.publishEvent(new FlowDeployed(deployment.getId(), name, deployment.getSource(), by, at, resources,
                List.copyOf(processes)));
    }

    private void insert(DeploymentEntity deployment, String by, Instant at, ProcessDefinition definition) {
        jdbc.getObject().sql("""
                        insert into deployment_record (deployment_id, deployment_name, source, deployed_by, deployed_at,
                                                       process_key, process_version, process_definition_id)
                        values (:deploymentId, :name, :source, :by, :at, :key, :version, :definitionId)""")
                .param("deploymentId", deployment.getId())
                .param("name", deployment.getName())
                .param("source", deployment.getSource())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("key", definition == null ? null : definition.getKey())
                .param("version", definition == null ? null : definition.getVersion())
                .param("definitionId", definition == null ? null : definition.getId())
                .update();
    }

    /** The signed-in user of the request (engine REST, UI), else the engine's authenticated user, else system. */
    private static String deployer() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) && authentication.getName() != null) {
            return authentication.getName();
        }
        CommandContext command = Context.getCommandContext();
        String engineUser = command == null ? null : command.getAuthenticatedUserId();
        return engineUser == null ? SYSTEM : engineUser;
    }
}
