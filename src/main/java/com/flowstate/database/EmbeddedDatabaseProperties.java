package com.flowstate.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the cluster keeps its files; kept between runs unless {@code cleanOnStart}
 * @param port          fixed port, or 0 for a free one
 * @param cleanOnStart  start from an empty cluster (tests)
 */
@ConfigurationProperties("flowstate.database.embedded")
public record EmbeddedDatabaseProperties(Path dataDirectory, int port, boolean cleanOnStart) {
}
