package com.flowstate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL is for the demo and the tests: any other run without a database URL is told what to set,
 * and data kept between runs is committed durably (synchronous commit on, unlike zonky's default).
 */
class EmbeddedDatabaseConfigurationTest {

    private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

    @Test
    void withoutTheOptInItRefusesToStartAndSaysWhatToSet(@TempDir Path dir) {
        var notAskedFor = new EmbeddedDatabaseProperties(false, dir.resolve("pgdata"), 0, false);

        assertThatThrownBy(() -> configuration.embeddedPostgres(notAskedFor))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FLOWSTATE_DB_URL").hasMessageContaining("FLOWSTATE_EMBEDDED_DB=true");
    }

    @Test
    void dataKeptBetweenRunsIsCommittedSynchronously(@TempDir Path dir) throws Exception {
        var kept = new EmbeddedDatabaseProperties(true, dir.resolve("pgdata"), 0, false);

        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(kept);
             var connection = postgres.getPostgresDatabase().getConnection();
             var show = connection.createStatement().executeQuery("show synchronous_commit")) {
            show.next();
            assertThat(show.getString(1)).isEqualTo("on");
        }
    }

    @Test
    void aCleanStartOverTheFilesOfAKilledRunStartsAnEmptyCluster(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pgdata");
        // What a killed server leaves: a cluster's files (initdb refuses a directory that is not empty).
        Files.createDirectories(data.resolve("base/1"));
        Files.writeString(data.resolve("PG_VERSION"), "17\n");
        Files.writeString(data.resolve("base/1/leftover"), "x");
        var clean = new EmbeddedDatabaseProperties(true, data, 0, true);

        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(clean);
             var connection = postgres.getDatabase("postgres", "flowstate").getConnection();
             var tables = connection.createStatement().executeQuery(
                     "select count(*) from pg_tables where schemaname = 'public'")) {
            tables.next();
            assertThat(tables.getLong(1)).isZero();
        }
        assertThat(data.resolve("base/1/leftover")).doesNotExist();
    }
}
