package com.flowstate.action;

import org.camunda.bpm.engine.RepositoryService;

import com.flowstate.action.report.SampleReportTemplate;
import com.flowstate.support.DesignersFlow;

/**
 * A deployed copy of the designers' test flow whose report and export actions name the given templates, so a test
 * can see a template refused for deletion while it is in use. Close it to undeploy.
 */
public final class TemplateUsingFlow implements AutoCloseable {

    private final RepositoryService repository;
    private final String deploymentId;
    private final String name;

    private TemplateUsingFlow(RepositoryService repository, String deploymentId, String name) {
        this.repository = repository;
        this.deploymentId = deploymentId;
        this.name = name;
    }

    /** Deploys the copy under a unique key and name; the templates must exist (the deployment checks them). */
    public static TemplateUsingFlow deploy(RepositoryService repository, DesignersFlow flow, String unique,
                                           String reportTemplate, String exportTemplate) {
        flow.fixtures();
        String key = "TemplateUse_" + unique.replaceAll("[^A-Za-z0-9]", "_");
        String name = "Uses templates " + unique;
        String bpmn = flow.bpmn()
                .replace("id=\"" + DesignersFlow.KEY + "\"", "id=\"" + key + "\"")
                .replace("name=\"Installazione\"", "name=\"" + name + "\"")
                .replace(">" + SampleReportTemplate.NAME + "<", ">" + reportTemplate + "<")
                .replace(">" + DesignersFlow.EXPORT_TEMPLATE + "<", ">" + exportTemplate + "<");
        String deploymentId = repository.createDeployment().name(key + ".bpmn").addString(key + ".bpmn", bpmn)
                .deploy().getId();
        return new TemplateUsingFlow(repository, deploymentId, name);
    }

    /** The flow's name, as a refusal names it. */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        repository.deleteDeployment(deploymentId, true);
    }
}
