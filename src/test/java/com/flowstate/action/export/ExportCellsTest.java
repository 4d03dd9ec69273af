package com.flowstate.action.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an xlsx cell holds: never more than Excel takes, and a cut text says it was cut. */
class ExportCellsTest {

    @Test
    void aTextLongerThanACellHoldsIsCutAndSaysSo() {
        String cell = ExportCells.forXlsx("x".repeat(1_000_000));

        assertThat(cell).hasSize(ExportCells.XLSX_MAX_CELL).endsWith(ExportCells.TRUNCATED);
    }

    @Test
    void aTextThatFitsIsKeptAndAFormulaStaysNeutralised() {
        assertThat(ExportCells.forXlsx("x".repeat(ExportCells.XLSX_MAX_CELL))).hasSize(ExportCells.XLSX_MAX_CELL)
                .doesNotContain(ExportCells.TRUNCATED);
        assertThat(ExportCells.forXlsx("=HYPERLINK(\"http://evil\")")).isEqualTo("=HYPERLINK(\"http://evil\")");
        assertThat(ExportCells.forXlsx(null)).isNull();
    }
}
