package com.flowstate.flow;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a deployment may call besides Flowstate's actions.
 *
 * @param trustedDelegates beans a flow may also bind as {@code ${bean}} delegates and the engine may resolve: test
 *                         doubles of the test flows only; empty in production, where a flow calls actions only
 */
@ConfigurationProperties("flowstate.deployments")
public record SafeDeploymentProperties(List<String> trustedDelegates) {

    public SafeDeploymentProperties {
        trustedDelegates = trustedDelegates == null ? List.of() : List.copyOf(trustedDelegates);
    }
}
