package com.flowstate.database;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway and Camunda share one schema, and Camunda's job executor must never outlive the database:
 * <ul>
 *   <li>on start, Flyway migrates before the engine starts running jobs that write into the app's tables;</li>
 *   <li>on shutdown, the engine and its job executor stop before the data source (and the embedded PostgreSQL)
 *   close, instead of waiting out connection time-outs.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EngineDatabaseOrderConfiguration {

    private static final List<String> ENGINE_BEANS = List.of("processEngineFactoryBean", "processEngine",
            "jobExecutor", "camundaTaskExecutor");
    private static final List<String> DATABASE_BEANS = List.of("flywayInitializer", "dataSource");

    @Bean
    static BeanFactoryPostProcessor engineDependsOnDatabase() {
        return EngineDatabaseOrderConfiguration::addDatabaseDependencies;
    }

    private static void addDatabaseDependencies(ConfigurableListableBeanFactory beanFactory) {
        String[] database = DATABASE_BEANS.stream().filter(beanFactory::containsBeanDefinition).toArray(String[]::new);
        for (String engineBean : ENGINE_BEANS) {
            if (beanFactory.containsBeanDefinition(engineBean)) {
                var definition = beanFactory.getBeanDefinition(engineBean);
                String[] existing = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                definition.setDependsOn(Stream.concat(Arrays.stream(existing), Arrays.stream(database))
                        .distinct().toArray(String[]::new));
            }
        }
    }
}
