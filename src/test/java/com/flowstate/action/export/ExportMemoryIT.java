package com.flowstate.action.export;

import static com.flowstate.support.ExportHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.history.ActionStatus;
import com.flowstate.flow.FlowService;
import com.flowstate.mail.MailSink;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.mail.internet.MimeMessage;

/**
 * Exports of 100,000 rows: an xlsx written in a JVM whose heap is capped at 256 MB, and a csv too large to attach,
 * which is sent as a link and downloaded through the API. The rows are seeded once with one INSERT … SELECT over
 * generate_series, for a partner company of their own, and removed afterwards with their customers.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportMemoryIT {

    static final int ROWS = 100_000;
    static final int HEAP_MB = 256;

    @Autowired TestData data;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired ExportTemplateService templates;
    @Autowired ExportHistoryQuery history;
    @Autowired RuntimeService runtime;
    @Autowired FlowService flow;
    @Autowired MailSink sink;
    @Autowired TestRestTemplate rest;

    Company bigInstaller;

    @BeforeAll
    void seedOneHundredThousandOpportunities() {
        bigInstaller = data.partner(CompanyKind.INSTALLER);
        String tag = data.unique("massivo");
        jdbc.sql("""
                        insert into customer (name, email, phone)
                        select 'Cliente massivo ' || g, ? || '-' || g || '@customers.test', '+39 02 ' || g
                        from generate_series(1, ?) g""")
                .params(tag, ROWS).update();
        // Fresh statistics, so the foreign-key checks of the next insert look customers up by their key instead of
        // keeping the plan made for the small table the customers were (a scan per row: minutes, not seconds).
        jdbc.sql("analyze customer").update();
        int seeded = jdbc.sql("""
                        insert into opportunity (name, customer_id, street, city, postal_code, province, installer_id)
                        select 'FV massivo ' || c.id, c.id, 'Via Lunga ' || c.id, 'Milano', '20100', 'MI', ?
                        from customer c where c.email like ? || '-%'""")
                .params(bigInstaller.id(), tag).update();
        assertThat(seeded).isEqualTo(ROWS);
    }

    /**
     * Other tests list opportunities platform-wide: the seeded opportunities go, and their customers with them (every
     * foreign key to them has an index, so this is one pass each, not one scan per row).
     */
    @AfterAll
    void removeTheSeededOpportunitiesAndTheirCustomers() {
        int removed = jdbc.sql("""
                        with removed as (
                            delete from opportunity where installer_id = ? and process_instance_id is null
                            returning customer_id)
                        delete from customer where id in (select customer_id from removed)""")
                .param(bigInstaller.id()).update();
        assertThat(removed).isEqualTo(ROWS);
    }

    @Test
    void exportsOneHundredThousandRowsToXlsxWithTheHeapCappedAt256Mb(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("memory-check.xlsx");
        HikariDataSource database = (HikariDataSource) dataSource;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), ExportMemoryCheck.class.getName(),
                database.getJdbcUrl(), database.getUsername(),
                database.getPassword() == null ? "" : database.getPassword(),
                String.valueOf(bigInstaller.id()), file.toString(), String.valueOf(HEAP_MB)));

        Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = readAll(check.getInputStream());
        boolean finished = check.waitFor(5, TimeUnit.MINUTES);

        assertThat(finished).as("the export finished within 5 minutes").isTrue();
        assertThat(check.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains("rows=" + ROWS);
        assertThat(ExportFileReader.xlsxRowCount(file)).isEqualTo(ROWS + 1);
        System.out.println("ExportMemoryCheck: " + output.strip());
    }

    @Test
    void aCsvTooLargeToAttachIsSentAsALinkThatDownloadsTheWholeFile() throws Exception {
        Opportunity trigger = data.opportunity(bigInstaller, null);
        String partnerUser = data.partnerUser(bigInstaller);
        String template = data.unique("big-csv");
        templates.save(ExportTemplate.of(template, ExportType.OPPORTUNITIES, ExportExtension.CSV, "INSTALLER",
                TestData.WORKING_SMTP));
        String instance = runtime.startProcessInstanceByKey("ExportTestFlow", String.valueOf(trigger.id()),
                Map.of("exportTemplate", template, "failAfterSend", false)).getId();

        flow.closeSubstate(instance, "ExportReady");

        ExportHistoryRow row = awaitRow(history, template, r -> r.action().state() == ActionStatus.SUCCEEDED);
        assertThat(row.delivery()).isEqualTo("LINKED");
        assertThat(row.rows()).isEqualTo(ROWS + 1);
        assertThat(row.fileSize()).isGreaterThan(10L * 1024 * 1024);
        MimeMessage mail = ReceivedMails.awaitTo(sink, bigInstaller.email()).get(0);
        assertThat(ReceivedMails.attachments(mail)).isEmpty();
        String url = "/api/history/exports/" + row.action().id() + "/file";
        assertThat(ReceivedMails.text(mail)).contains("http://localhost:8080" + url);

        ResponseEntity<Resource> download = rest.withBasicAuth(partnerUser, partnerUser)
                .getForEntity(url, Resource.class);

        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentLength()).isEqualTo(row.fileSize());
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo(row.fileName());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(download.getBody().getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(lines.lines().count()).isEqualTo(ROWS + 2);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
