package com.flowstate.action.export;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.flowstate.security.PartnerScope;

/**
 * Runs one export in a JVM of its own, so that {@code -Xmx} really caps the heap the export may use: the xlsx of every
 * opportunity of a partner company, straight from the database into a file. {@link ExportMemoryIT} starts it with
 * {@code -Xmx256m}; it exits 0 when the file is written, 3 when the heap is not capped as asked, and dies of
 * {@link OutOfMemoryError} (non-zero) when the export does not stream.
 *
 * <p>Arguments: JDBC URL, user, password ("" for none), company id, output file, largest heap allowed in MiB.
 */
public final class ExportMemoryCheck {

    private ExportMemoryCheck() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        long companyId = Long.parseLong(args[3]);
        Path target = Path.of(args[4]);
        long allowedHeap = Long.parseLong(args[5]) * 1024 * 1024;
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (maxHeap > allowedHeap) {
            System.err.println("Heap not capped: max " + maxHeap + " bytes > " + allowedHeap);
            System.exit(3);
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
        ExportGenerator generator = new ExportGenerator(new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource), ExportProperties.defaults());
        ExportTemplate everyColumn = ExportTemplate.of("memory-check", ExportType.OPPORTUNITIES,
                ExportExtension.XLSX, "INSTALLER", "none");

        var generated = generator.generate(everyColumn, PartnerScope.company(companyId), target);

        System.out.println("rows=" + generated.rows() + " size=" + generated.size() + " maxHeap=" + maxHeap
                + " peakHeapUsed=" + peakHeapUsed());
        System.exit(0);
    }

    private static long peakHeapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
