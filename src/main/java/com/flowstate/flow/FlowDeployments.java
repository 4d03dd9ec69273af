package com.flowstate.flow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who deployed what, and when: the record every deployment leaves ({@link DeploymentRecorder}), for the flow
 * catalogue; and what deleting a deployment would stop.
 */
@Service
public class FlowDeployments {

    private static final String COLUMNS = """
            select deployment_id, deployment_name, source, deployed_by, deployed_at, process_key, process_version,
                   process_definition_id
              from deployment_record""";

    private final JdbcClient jdbc;
    private final RuntimeService runtime;

    FlowDeployments(JdbcClient jdbc, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    /** The deployments of a process (a flow's versions), newest first. */
    public List<FlowDeployment> of(String processKey) {
        return jdbc.sql(COLUMNS + " where process_key = :key order by process_version desc, id desc")
                .param("key", processKey).query(FlowDeployments::row).list();
    }

    /** The deployment that created one version of a process, if it was recorded. */
    public Optional<FlowDeployment> ofVersion(String processKey, int version) {
        return jdbc.sql(COLUMNS + " where process_key = :key and process_version = :version order by id desc limit 1")
                .param("key", processKey).param("version", version).query(FlowDeployments::row).optional();
    }

    /** What one deployment created (one record per process, or one without a process). */
    public List<FlowDeployment> ofDeployment(String deploymentId) {
        return jdbc.sql(COLUMNS + " where deployment_id = :id order by process_key, id")
                .param("id", deploymentId).query(FlowDeployments::row).list();
    }

    /** Process instances still running on the processes of a deployment: what deleting it with cascade would end. */
    public long runningInstances(String deploymentId) {
        return runtime.createProcessInstanceQuery().deploymentId(deploymentId).count();
    }

    private static FlowDeployment row(ResultSet rs, int rowNum) throws SQLException {
        var at = rs.getTimestamp("deployed_at");
        return new FlowDeployment(rs.getString("deployment_id"), rs.getString("deployment_name"),
                rs.getString("source"), rs.getString("deployed_by"), at == null ? null : at.toInstant(),
                rs.getString("process_key"), (Integer) rs.getObject("process_version"),
                rs.getString("process_definition_id"));
    }
}
