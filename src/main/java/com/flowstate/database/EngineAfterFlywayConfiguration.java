package com.flowstate.database;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway and Camunda share one schema. Flyway must migrate first: the app tables are created before the engine
 * starts its job executor, whose actions write into them.
 */
@Configuration(proxyBeanMethods = false)
class EngineAfterFlywayConfiguration {

    @Bean
    static BeanFactoryPostProcessor processEngineDependsOnFlyway() {
        return EngineAfterFlywayConfiguration::addFlywayDependency;
    }

    private static void addFlywayDependency(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition("flywayInitializer")) {
            return;
        }
        for (String engineBean : new String[] {"processEngineFactoryBean", "processEngine"}) {
            if (beanFactory.containsBeanDefinition(engineBean)) {
                var definition = beanFactory.getBeanDefinition(engineBean);
                String[] existing = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                definition.setDependsOn(Stream.concat(Arrays.stream(existing), Stream.of("flywayInitializer"))
                        .distinct().toArray(String[]::new));
            }
        }
    }
}
