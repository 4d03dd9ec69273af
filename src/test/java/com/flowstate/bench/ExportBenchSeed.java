package com.flowstate.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;

/**
 * The database of the export benchmark: a database of its own on the test's PostgreSQL server, with the app's schema
 * (its Flyway migrations) and {@code rows} opportunities, each with its customer, spread over {@value #INSTALLERS}
 * installers — seeded with three INSERT … SELECT over generate_series, then vacuumed and analysed so that no phase
 * pays for hint bits or stale statistics. Dropped afterwards: no other test sees these rows.
 */
public final class ExportBenchSeed {

    public static final int INSTALLERS = 50;
    private static final String[] CITIES = {"Milano", "Monza", "Sesto San Giovanni", "Rho", "Legnano"};

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String database;

    /** @param serverUrl {@code jdbc:postgresql://host:port/} */
    ExportBenchSeed(String serverUrl, String user, String password, String database) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    /**
     * Seeds (or, with {@code drop}, drops) the benchmark's database on any PostgreSQL server, for running
     * {@code com.flowstate.action.export.ExportBenchRun} by hand against it.
     * Arguments: server URL ({@code jdbc:postgresql://127.0.0.1:5432/}), user, password ("" for none), database,
     * rows or {@code drop}.
     */
    public static void main(String[] args) throws SQLException {
        ExportBenchSeed seed = new ExportBenchSeed(args[0], args[1], args[2], args[3]);
        if (args[4].equals("drop")) {
            seed.drop();
        } else {
            long start = System.nanoTime();
            seed.create(Integer.parseInt(args[4]));
            System.out.println("seeded " + args[4] + " rows into " + seed.url() + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    /** The city of the g-th seeded opportunity (the writer-only phases' rows use the same values). */
    public static String city(long g) {
        return CITIES[(int) (g % CITIES.length)];
    }

    String url() {
        return serverUrl + database;
    }

    void create(int rows) throws SQLException {
        drop();
        admin("create database " + database);
        // As the app runs them (application.yaml): no lock transaction, or V25's CREATE INDEX CONCURRENTLY waits for
        // it for ever.
        Flyway.configure().dataSource(url(), user, password).locations("classpath:db/migration")
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load().migrate();
        try (Connection connection = DriverManager.getConnection(url(), user, password);
             Statement sql = connection.createStatement()) {
            // Ids of their own, far above anything the migrations insert.
            sql.execute("""
                    insert into company (id, name, kind, email)
                    select 100000 + g, 'Installatore ' || g, 'INSTALLER', 'installatore-' || g || '@bench.test'
                    from generate_series(1, %d) g""".formatted(INSTALLERS));
            sql.execute("""
                    insert into customer (id, name, email, phone)
                    select g, 'Cliente ' || g, 'cliente-' || g || '@customers.test', '+39 02 ' || g
                    from generate_series(1, %d) g""".formatted(rows));
            sql.execute("""
                    insert into opportunity (id, name, customer_id, street, city, postal_code, province, installer_id,
                                             created_at)
                    select g, 'FV ' || g, g, 'Via Lunga ' || g,
                           (array['%s'])[g %% %d + 1], '20100', 'MI', 100000 + g %% %d + 1,
                           timestamptz '2026-01-01 08:00:00+01' + g * interval '37 seconds'
                    from generate_series(1, %d) g""".formatted(String.join("', '", CITIES), CITIES.length,
                    INSTALLERS, rows));
            sql.execute("vacuum analyze company");
            sql.execute("vacuum analyze customer");
            sql.execute("vacuum analyze opportunity");
        }
    }

    void drop() throws SQLException {
        admin("drop database if exists " + database + " with (force)");
    }

    private void admin(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
