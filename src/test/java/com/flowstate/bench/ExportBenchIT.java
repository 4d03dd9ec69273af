package com.flowstate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.flowstate.action.export.ExportBenchRun;
import com.flowstate.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Scenario 4, Export: {@code bench.export.rows} opportunities × 8 columns to xlsx and to csv through the export
 * feature (its query, cursor and writers: {@link ExportBenchRun}) in a JVM capped at {@code -Xmx256m}, beside a bare
 * POI SXSSF / bare Commons CSV loop writing the same rows in the same run; "from the database" and "writer only".
 * The rows live in a database of their own on the suite's PostgreSQL server, dropped afterwards. Smoke: 10,000 rows;
 * full ({@code -Pbench}): 1,000,000.
 *
 * <p>Asserts only that every phase wrote every row, that the export's csv is byte for byte the bare loop's, and
 * that the capped JVM finished; the times are recorded, never asserted.
 */
@IntegrationTest
class ExportBenchIT {

    static final String SCENARIO = "4 Export";
    static final int HEAP_MB = 256;
    private static final Pattern RESULT = Pattern.compile("RESULT name=(\\S+) rows=(\\d+) millis=(\\d+)"
            + " cpuMillis=(\\d+) bytes=(\\d+) sheetXmlBytes=(-?\\d+) peakHeapMiB=(\\d+) peakRssMiB=(\\d+)");

    @Autowired DataSource dataSource;

    @Test
    void exportsEveryRowToXlsxAndCsvInACappedHeapAndRecordsTheFiguresBesideTheBareLoops(@TempDir Path dir)
            throws Exception {
        int rows = BenchResults.size("bench.export.rows", 10_000, 1_000_000);
        HikariDataSource pool = (HikariDataSource) dataSource;
        String jdbcUrl = pool.getJdbcUrl();
        String server = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1);
        String password = pool.getPassword() == null ? "" : pool.getPassword();
        ExportBenchSeed seed = new ExportBenchSeed(server, pool.getUsername(), password, "flowstate_export_bench");
        long seedStart = System.nanoTime();
        seed.create(rows);
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
        Map<String, Result> results;
        String output;
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                    "-Djava.io.tmpdir=" + dir,
                    "-cp", System.getProperty("java.class.path"), ExportBenchRun.class.getName(),
                    seed.url(), pool.getUsername(), password, String.valueOf(rows), dir.toString()));
            Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> printed = CompletableFuture.supplyAsync(() -> readAll(run.getInputStream()));
            boolean finished = run.waitFor(15, TimeUnit.MINUTES);
            if (!finished) {
                run.destroyForcibly();
            }
            output = printed.get(1, TimeUnit.MINUTES);
            System.out.println(output.strip());
            assertThat(finished).as("the benchmark JVM finished within 15 minutes").isTrue();
            assertThat(run.exitValue()).as("exit code; output:%n%s", output).isZero();
            results = parse(output);
        } finally {
            seed.drop();
        }

        assertThat(results.keySet()).containsExactlyInAnyOrder("db-read", "writer-xlsx-bare", "writer-xlsx-export",
                "writer-csv-bare", "writer-csv-export", "db-xlsx-bare", "db-xlsx-export", "db-csv-bare",
                "db-csv-export");
        assertThat(results.values()).allSatisfy(result -> assertThat(result.rows()).isEqualTo(rows));
        assertThat(results.get("db-xlsx-export").bytes()).isPositive();
        assertThat(Files.mismatch(dir.resolve("db-csv-export.csv"), dir.resolve("db-csv-bare.csv")))
                .as("the export's csv is the bare loop's, byte for byte").isEqualTo(-1L);
        assertThat(Files.mismatch(dir.resolve("writer-csv-export.csv"), dir.resolve("writer-csv-bare.csv")))
                .isEqualTo(-1L);

        BenchResults.record(SCENARIO, parameters(rows, seedMillis, results), figures(results));
    }

    private static Map<String, Object> parameters(int rows, long seedMillis, Map<String, Result> results) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("rows", rows);
        parameters.put("columns", String.join(",", ExportBenchRun.COLUMNS));
        parameters.put("heap", "-Xmx" + HEAP_MB + "m");
        parameters.put("seedSeconds", Math.round(seedMillis / 100.0) / 10.0);
        parameters.put("xlsxBytes", results.get("db-xlsx-export").bytes());
        parameters.put("xlsxSheetXmlBytes", results.get("db-xlsx-export").sheetXmlBytes());
        parameters.put("csvBytes", results.get("db-csv-export").bytes());
        parameters.put("dbReadSeconds", results.get("db-read").seconds());
        // CPU time of the benchmark JVM per phase: what a busy machine disturbs least, to compare runs.
        results.forEach((name, result) -> parameters.put("cpuSeconds." + name, result.cpuMillis() / 1000.0));
        return parameters;
    }

    private static List<BenchFigure> figures(Map<String, Result> results) {
        Result dbXlsx = results.get("db-xlsx-export");
        Result dbCsv = results.get("db-csv-export");
        Result writerXlsx = results.get("writer-xlsx-export");
        Result writerCsv = results.get("writer-csv-export");
        return List.of(
                BenchFigure.lowerIsBetter(SCENARIO, "xlsx from the database, -Xmx256m", dbXlsx.seconds(), "s")
                        .against("bare JDBC + SXSSF loop", results.get("db-xlsx-bare").seconds())
                        .target(15).ratioTarget(0.8),
                BenchFigure.higherIsBetter(SCENARIO, "csv from the database", dbCsv.rowsPerSecond(), "rows/s")
                        .against("bare JDBC + Commons CSV loop", results.get("db-csv-bare").rowsPerSecond())
                        .target(500_000).ratioTarget(0.8),
                BenchFigure.lowerIsBetter(SCENARIO, "xlsx writer only", writerXlsx.seconds(), "s")
                        .against("bare SXSSF loop", results.get("writer-xlsx-bare").seconds()).ratioTarget(0.8),
                BenchFigure.higherIsBetter(SCENARIO, "csv writer only", writerCsv.rowsPerSecond(), "rows/s")
                        .against("bare Commons CSV loop", results.get("writer-csv-bare").rowsPerSecond())
                        .ratioTarget(0.8),
                BenchFigure.higherIsBetter(SCENARIO, "query alone (plain JDBC, rows dropped)",
                        results.get("db-read").rowsPerSecond(), "rows/s"),
                BenchFigure.lowerIsBetter(SCENARIO, "xlsx from the database, peak heap used", dbXlsx.peakHeapMiB(),
                        "MiB").against("bare JDBC + SXSSF loop", results.get("db-xlsx-bare").peakHeapMiB()),
                BenchFigure.lowerIsBetter(SCENARIO, "xlsx from the database, peak RSS", dbXlsx.peakRssMiB(), "MiB"),
                BenchFigure.lowerIsBetter(SCENARIO, "csv from the database, peak heap used", dbCsv.peakHeapMiB(),
                        "MiB").against("bare JDBC + Commons CSV loop", results.get("db-csv-bare").peakHeapMiB()));
    }

    private static Map<String, Result> parse(String output) {
        Map<String, Result> results = new LinkedHashMap<>();
        Matcher matcher = RESULT.matcher(output);
        while (matcher.find()) {
            results.put(matcher.group(1), new Result(number(matcher, 2), number(matcher, 3),
                    number(matcher, 4), number(matcher, 5), number(matcher, 6), number(matcher, 7),
                    number(matcher, 8)));
        }
        return results;
    }

    private static long number(Matcher matcher, int group) {
        return Long.parseLong(matcher.group(group));
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One phase of the run, as {@link ExportBenchRun} prints it. */
    record Result(long rows, long millis, long cpuMillis, long bytes, long sheetXmlBytes, long peakHeapMiB,
                  long peakRssMiB) {

        double seconds() {
            return millis / 1000.0;
        }

        double rowsPerSecond() {
            return millis == 0 ? rows * 1000.0 : rows * 1000.0 / millis;
        }
    }
}
