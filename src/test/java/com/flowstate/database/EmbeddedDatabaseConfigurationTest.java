package com.flowstate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
