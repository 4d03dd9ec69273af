package com.flowstate.security;

import java.util.List;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.flow.FlowDeployments;

/** Checks on the engine REST API that its own authorization cannot express, run after Spring Security. */
@Configuration
class EngineRestGuards {

    @Bean
    FilterRegistrationBean<DeploymentDeletionGuard> deploymentDeletionGuard(FlowDeployments deployments,
                                                                           ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new DeploymentDeletionGuard(deployments, json));
        registration.setUrlPatterns(List.of("/engine-rest/*"));
        // Right after Spring Security's filter chain, which authenticated the request.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
