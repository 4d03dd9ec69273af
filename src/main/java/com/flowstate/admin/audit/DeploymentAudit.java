package com.flowstate.admin.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditTrail;
import com.flowstate.flow.FlowDeployed;

/**
 * Puts every flow deployment in the audit trail, in the deploying transaction (the event is published from inside
 * the engine's deploy command): a refused or rolled-back deployment leaves no row. The actor is whoever deployed —
 * the engine REST user (Modeler signs in with HTTP Basic), the UI's user — else {@code system}.
 */
@Component
class DeploymentAudit {

    private final AuditTrail trail;

    DeploymentAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void deployed(FlowDeployed deployment) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("deploymentId", deployment.deploymentId());
        after.put("source", deployment.source());
        after.put("resources", deployment.resources());
        after.put("processes", deployment.processes());
        trail.record(deployment.deployedBy(), AuditArea.DEPLOYMENT, deployment.name(), AuditChange.DEPLOYED, null,
                after);
    }
}
