package com.flowstate.flow;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Refuses decision tables (DMN) and case models (CMMN) in a deployment, before any deployer reads them: their
 * expressions (JUEL, FEEL with external Java functions, scripts) and case listeners would run code of the designer's
 * choosing, and the engine REST API evaluates a decision on request. Flowstate uses neither. Answered as a 400 by the
 * engine REST API.
 */
final class ForeignResourceCheck implements Deployer {

    private static final List<String> FOREIGN = List.of(".dmn", ".dmn11.xml", ".cmmn", ".cmmn10.xml", ".cmmn11.xml");

    @Override
    public void deploy(DeploymentEntity deployment) {
        Map<String, ResourceEntity> resources = deployment.getResources();
        if (resources == null) {
            return;
        }
        for (String name : resources.keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (FOREIGN.stream().anyMatch(lower::endsWith)) {
                throw new BadUserRequestException("Resource '" + name + "': decision tables (DMN) and case models "
                        + "(CMMN) are not allowed; a deployment holds flows (BPMN) that call Flowstate's actions");
            }
        }
    }
}
