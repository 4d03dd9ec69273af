package com.flowstate.flow;

import java.time.Instant;
import java.util.List;

/**
 * A new deployment was made (through the engine REST API, Modeler, {@code bpmn/} or a scheduled export), published
 * inside the deploying transaction: a listener that writes in it commits or rolls back with the deployment.
 *
 * @param deploymentId the engine's deployment id
 * @param name         the deployment's name (what Modeler or the deployer called it), else its first resource's
 * @param source       where it came from as the engine records it (e.g. {@code process application}), may be null
 * @param deployedBy   the signed-in user who deployed, else {@code system}
 * @param at           when
 * @param resources    the names of the deployed files
 * @param processes    the process definitions it created, {@code key:version}
 */
public record FlowDeployed(String deploymentId, String name, String source, String deployedBy, Instant at,
                           List<String> resources, List<String> processes) {
}
