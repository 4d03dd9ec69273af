package com.flowstate.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} is configured.
 *
 * @param enabled       whether it may start: the demo and the tests say so; any other run without a database URL
 *                      fails with a message instead of keeping real data in an embedded server by accident
 * @param dataDirectory where the cluster keeps its files; kept between runs unless {@code cleanOnStart}
 * @param port          fixed port, or 0 for a free one
 * @param cleanOnStart  start from an empty cluster (tests): no fsync, no synchronous commit
 */
@ConfigurationProperties("flowstate.database.embedded")
public record EmbeddedDatabaseProperties(boolean enabled, Path dataDirectory, int port, boolean cleanOnStart) {
}
