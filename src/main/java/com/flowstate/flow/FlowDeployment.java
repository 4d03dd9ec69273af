package com.flowstate.flow;

import java.time.Instant;

/**
 * One recorded deployment of one process: who deployed it, when, and which version of the process it created.
 *
 * @param deploymentName      the name the deployer gave (Camunda Modeler sends the file name;
 *                            {@code SpringAutoDeployment} for the flows in {@code bpmn/})
 * @param source              the deployment source the deployer gave (e.g. {@code Camunda Modeler}), if any
 * @param deployedBy          the signed-in username, or {@code system} for deployments Flowstate makes itself
 * @param processKey          null for a deployment that created no process
 * @param processVersion      the version of the process it created; null with {@code processKey}
 * @param processDefinitionId null with {@code processKey}
 */
public record FlowDeployment(String deploymentId, String deploymentName, String source, String deployedBy,
                             Instant deployedAt, String processKey, Integer processVersion,
                             String processDefinitionId) {
}
