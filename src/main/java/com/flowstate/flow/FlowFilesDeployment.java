package com.flowstate.flow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the flows in {@code bpmn/} (on the class path as {@code bpmn/*.bpmn}) once the application has started,
 * as one deployment that is skipped when nothing changed. Camunda's own auto-deployment would deploy while the
 * engine is being built, before the actions' beans exist, and the deploy-time checks need them.
 */
@Component
class FlowFilesDeployment {

    /** The name Camunda's auto-deployment used, so an installation keeps one line of versions. */
    static final String NAME = "SpringAutoDeployment";
    private static final String PATTERN = "classpath*:bpmn/*.bpmn";
    private static final Logger log = LoggerFactory.getLogger(FlowFilesDeployment.class);

    private final RepositoryService repository;

    FlowFilesDeployment(RepositoryService repository) {
        this.repository = repository;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void deploy() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(PATTERN);
        if (files.length == 0) {
            return;
        }
        DeploymentBuilder deployment = repository.createDeployment().name(NAME).enableDuplicateFiltering(false);
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                deployment.addInputStream("bpmn/" + file.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
            }
        }
        var deployed = deployment.deployWithResult();
        log.info("Flows in bpmn/: {} file(s), deployment {}", files.length, deployed.getId());
    }
}
