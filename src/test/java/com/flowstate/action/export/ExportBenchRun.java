package com.flowstate.action.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.flowstate.bench.ExportBenchSeed;
import com.flowstate.security.PartnerScope;

/**
 * Scenario 4 of the benchmark suite (com.flowstate.bench.ExportBenchIT), in a JVM of its own so that {@code -Xmx}
 * really caps the heap: the export feature's own code against a bare POI SXSSF / bare Commons CSV loop writing the
 * same rows, in the same run.
 * <ul>
 *   <li><b>from the database</b>: {@link ExportGenerator} (the export's query, cursor and writers) exporting the
 *   opportunities of the bench database, against a bare loop that runs the same SQL over plain JDBC (autocommit off,
 *   the same fetch size) into bare SXSSF / Commons CSV;</li>
 *   <li><b>writer only</b>: the export's {@link ExportSheetWriter} against the bare loop over the same rows taken from
 *   a small pool in memory, to show how much of the time is the writer's.</li>
 * </ul>
 * Each phase prints one {@code RESULT} line (name, rows, milliseconds, file bytes, peak heap used in MiB, the
 * process's peak RSS in MiB) that the IT reads. Both csv files must be byte for byte the same; the IT checks it.
 *
 * <p>Arguments: JDBC URL, user, password ("" for none), rows expected, output directory.
 */
public final class ExportBenchRun {

    /** The eight columns of the scenario: a number, six texts (one from a left join), a timestamp. */
    public static final List<String> COLUMNS = List.of("id", "opportunity", "customer", "customerEmail", "city",
            "province", "installer", "createdAt");
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    private static final int POOL = 10_000;
    private static final int WARM_UP_ROWS = 30_000;

    private final String url;
    private final String user;
    private final String password;
    private final Path dir;
    private final ExportTemplate template;
    private final ExportQuery query;
    private final Object[][] pool;
    private final int fetchSize = ExportProperties.defaults().fetchSize();

    private ExportBenchRun(String url, String user, String password, Path dir) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dir = dir;
        this.template = ExportTemplate.of("bench", ExportType.OPPORTUNITIES, ExportExtension.CSV, "INSTALLER", "none")
                .withColumns(COLUMNS);
        this.query = ExportQuery.of(template, PartnerScope.everything());
        this.pool = pool();
    }

    public static void main(String[] args) throws Exception {
        ExportBenchRun run = new ExportBenchRun(args[0], args[1], args[2], Path.of(args[4]));
        long rows = Long.parseLong(args[3]);
        System.out.println("maxHeapMiB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.println("sql=" + run.query.sql());
        if (rows >= 10L * WARM_UP_ROWS) {
            run.warmUp(WARM_UP_ROWS); // a smoke run's figures mean nothing: it saves the seconds
        }
        // Reading alone first: it also brings the tables into the cache for the phases after it.
        run.phase("db-read", rows, file -> run.readOnly(file));
        // Bare loop first, then the feature: each pair runs on a JIT warmed by the warm-up and the pairs before it.
        run.phase("writer-xlsx-bare", rows, file -> run.bareXlsx(file, run.poolRows(rows)));
        run.phase("writer-xlsx-export", rows, file -> run.exportWriter(ExportExtension.XLSX, file, rows));
        run.phase("writer-csv-bare", rows, file -> run.bareCsv(file, run.poolRows(rows)));
        run.phase("writer-csv-export", rows, file -> run.exportWriter(ExportExtension.CSV, file, rows));
        run.phase("db-xlsx-bare", rows, file -> run.fromDatabase(file, true));
        run.phase("db-xlsx-export", rows, file -> run.generate(ExportExtension.XLSX, file));
        run.phase("db-csv-bare", rows, file -> run.fromDatabase(file, false));
        run.phase("db-csv-export", rows, file -> run.generate(ExportExtension.CSV, file));
        System.exit(0);
    }

    private void warmUp(long rows) throws Exception {
        for (ExportExtension extension : ExportExtension.values()) {
            Path file = dir.resolve("warm-up." + extension.fileSuffix());
            exportWriter(extension, file, rows);
            if (extension == ExportExtension.XLSX) {
                bareXlsx(file, poolRows(rows));
            } else {
                bareCsv(file, poolRows(rows));
            }
            Files.delete(file);
        }
    }

    @FunctionalInterface
    private interface Phase {
        long run(Path file) throws Exception;
    }

    private void phase(String name, long expected, Phase phase) throws Exception {
        String only = System.getProperty("bench.export.phases");
        if (only != null && !List.of(only.split(",")).contains(name)) {
            return;
        }
        Path file = dir.resolve(name + (name.contains("xlsx") ? ".xlsx" : ".csv"));
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        resetPeakRss();
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        long rows = phase.run(file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (cpuNanos() - cpuStart) / 1_000_000;
        long peakHeap = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "RESULT name=%s rows=%d millis=%d cpuMillis=%d bytes=%d"
                        + " sheetXmlBytes=%d peakHeapMiB=%d peakRssMiB=%d%n", name, rows, millis, cpuMillis,
                Files.size(file), sheetXmlBytes(file), peakHeap / (1024 * 1024), peakRssKiB() / 1024);
        if (rows != expected) {
            throw new IllegalStateException(name + " wrote " + rows + " rows, expected " + expected);
        }
        if (name.contains("xlsx")) {
            Files.delete(file); // the IT compares the csv files; xlsx files are counted from their sizes alone
        }
    }

    /** The export feature end to end: its query on a cursor, its writer, the file on disk. */
    private long generate(ExportExtension extension, Path file) throws IOException {
        try (SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, password, true)) {
            ExportGenerator generator = new ExportGenerator(new JdbcTemplate(dataSource),
                    new DataSourceTransactionManager(dataSource), ExportProperties.defaults());
            ExportTemplate typed = new ExportTemplate(template.name(), template.exportType(), template.columns(),
                    template.filter(), extension, template.recipient(), template.smtpCredentialName(), null);
            return generator.generate(typed, PartnerScope.everything(), file).rows();
        }
    }

    /** The export's writer alone, over the pool's rows. */
    private long exportWriter(ExportExtension extension, Path file, long rows) throws IOException {
        try (ExportSheetWriter writer = ExportSheetWriter.open(extension, file)) {
            writer.header(query.headers());
            for (Object[] row : poolRows(rows)) {
                writer.row(row);
            }
            writer.finish();
        }
        return rows;
    }

    /** The query alone: every row read over plain JDBC and dropped (an empty file for the phase's bookkeeping). */
    private long readOnly(Path file) throws Exception {
        Files.writeString(file, "");
        try (Connection connection = java.sql.DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
                statement.setFetchSize(fetchSize);
                long count = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    ResultSetRows rows = new ResultSetRows(rs);
                    while (rows.hasNext()) {
                        rows.next();
                        count++;
                    }
                }
                return count;
            } finally {
                connection.rollback();
            }
        }
    }

    /** The same SQL over plain JDBC, in a transaction so that PostgreSQL streams it, into a bare loop. */
    private long fromDatabase(Path file, boolean xlsx) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
                statement.setFetchSize(fetchSize);
                try (ResultSet rs = statement.executeQuery()) {
                    Iterable<Object[]> rows = () -> new ResultSetRows(rs);
                    return xlsx ? bareXlsx(file, rows) : bareCsv(file, rows);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /**
     * Bare SXSSF as its documentation shows it: a window of 100 rows, inline strings, uncompressed temporary file, a
     * header, typed cells, one date style.
     */
    private long bareXlsx(Path file, Iterable<Object[]> rows) throws IOException {
        long count = 0;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = workbook.createSheet("Export");
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(query.headers().get(i));
            }
            int next = 1;
            for (Object[] values : rows) {
                Row row = sheet.createRow(next++);
                row.createCell(0).setCellValue(((Long) values[0]).doubleValue());
                for (int i = 1; i < 7; i++) {
                    Cell cell = row.createCell(i);
                    if (values[i] != null) {
                        cell.setCellValue((String) values[i]);
                    }
                }
                Cell created = row.createCell(7);
                created.setCellValue((LocalDateTime) values[7]);
                created.setCellStyle(dateTime);
                count++;
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return count;
    }

    /** Bare Commons CSV: a buffered UTF-8 writer, the same format and byte-order mark, one record per row. */
    private long bareCsv(Path file, Iterable<Object[]> rows) throws IOException {
        long count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CsvSheetWriter.FORMAT)) {
            out.write(CsvSheetWriter.BYTE_ORDER_MARK);
            printer.printRecord(query.headers());
            for (Object[] values : rows) {
                printer.printRecord(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                        ExportCells.DATE_TIME.format((LocalDateTime) values[7]));
                count++;
            }
        }
        return count;
    }

    /** The pool's rows cycled to {@code rows}, as the export reads them: Long, six Strings, LocalDateTime. */
    private Iterable<Object[]> poolRows(long rows) {
        return () -> new java.util.Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < rows;
            }

            @Override
            public Object[] next() {
                return pool[(int) (next++ % POOL)];
            }
        };
    }

    private static Object[][] pool() {
        Object[][] rows = new Object[POOL][];
        LocalDateTime base = LocalDateTime.of(2026, 1, 1, 8, 0);
        for (int g = 1; g <= POOL; g++) {
            rows[g - 1] = new Object[] {(long) g, "FV " + g, "Cliente " + g, "cliente-" + g + "@customers.test",
                    ExportBenchSeed.city(g), "MI", "Installatore " + (g % ExportBenchSeed.INSTALLERS + 1),
                    base.plusSeconds(g * 37L)};
        }
        return rows;
    }

    /** Rows of a result set as the bare loop reads them (plain JDBC getters, the timestamp in the export's zone). */
    private static final class ResultSetRows implements java.util.Iterator<Object[]> {

        private final ResultSet rs;
        private Boolean ahead;

        ResultSetRows(ResultSet rs) {
            this.rs = rs;
        }

        @Override
        public boolean hasNext() {
            try {
                if (ahead == null) {
                    ahead = rs.next();
                }
                return ahead;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Object[] next() {
            try {
                ahead = null;
                Timestamp created = rs.getTimestamp(8);
                return new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        created.toInstant().atZone(ZONE).toLocalDateTime()};
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** CPU time of this JVM, every thread (GC included): the part of a phase a busy machine disturbs least. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long sheetXmlBytes(Path file) {
        if (!file.toString().endsWith(".xlsx")) {
            return 0;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("xl/worksheets/sheet1.xml").getSize();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Linux: writing 5 to clear_refs resets the peak RSS (VmHWM) to the current RSS; elsewhere nothing happens. */
    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux, or not allowed: the peak is then the process's
        }
    }

    private static long peakRssKiB() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
