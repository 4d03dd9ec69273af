package com.flowstate.database;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL 17 from Maven Central binaries when no external database is configured, so
 * {@code ./mvnw spring-boot:run} and {@code ./mvnw verify} need nothing installed. Its data survives restarts, and a
 * server a killed run left behind is stopped first ({@link StaleEmbeddedServer}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final String DATABASE = "flowstate";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        if (!properties.enabled()) {
            throw new IllegalStateException("No database configured: set FLOWSTATE_DB_URL (with FLOWSTATE_DB_USER and "
                    + "FLOWSTATE_DB_PASSWORD) to a PostgreSQL, or FLOWSTATE_EMBEDDED_DB=true to keep the data in an "
                    + "embedded PostgreSQL under " + properties.dataDirectory().toAbsolutePath());
        }
        Files.createDirectories(properties.dataDirectory());
        StaleEmbeddedServer.stopIfRunning(properties.dataDirectory(), Duration.ofSeconds(30));
        if (properties.cleanOnStart()) {
            // A killed run leaves its cluster's files behind, and initdb refuses a directory that is not empty.
            FileSystemUtils.deleteRecursively(properties.dataDirectory());
            Files.createDirectories(properties.dataDirectory());
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(properties.dataDirectory())
                .setCleanDataDirectory(properties.cleanOnStart())
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring stops it (destroyMethod) after the engine; its own hook would race the engine's shutdown.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", properties.cleanOnStart() ? "off" : "on")
                // Zonky turns synchronous commit off; data kept between runs must not lose committed work.
                .setServerConfig("synchronous_commit", properties.cleanOnStart() ? "off" : "on");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        ensureDatabase(postgres);
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(),
                properties.dataDirectory().toAbsolutePath());
        return postgres;
    }

    /** The pool settings of {@code spring.datasource.hikari} (size, connection time-out) apply here too. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgres postgres, DataSourceProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("flowstate-embedded");
        return dataSource;
    }

    private static void ensureDatabase(EmbeddedPostgres postgres) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + DATABASE);
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the embedded database " + DATABASE, e);
        }
    }
}
