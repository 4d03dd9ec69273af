package com.flowstate.action.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming SXSSF: only the last {@value #WINDOW} rows live in memory, older ones go to a
 * compressed temporary file that {@link #close()} deletes. Strings are inline (no shared-strings table growing with
 * the data). A sheet holds at most 1,048,576 rows; a larger export goes on in a further sheet with the same header.
 */
final class XlsxSheetWriter implements ExportSheetWriter {

    static final int WINDOW = 100;
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int COLUMN_WIDTH = 22 * 256;

    private final Path target;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle headerStyle;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private final CellStyle literalTextStyle;
    private List<String> headers = List.of();
    private SXSSFSheet sheet;
    private int nextRow;

    XlsxSheetWriter(Path target) {
        this.target = target;
        workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setQuotePrefixed(true);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        // Excel's own "text, even if it looks like a formula" (what typing a leading apostrophe does), also after
        // the recipient edits the cell.
        literalTextStyle = workbook.createCellStyle();
        literalTextStyle.setQuotePrefixed(true);
    }

    @Override
    public void header(List<String> headers) {
        this.headers = List.copyOf(headers);
        startSheet();
    }

    @Override
    public void row(Object[] values) {
        if (sheet == null || nextRow == MAX_ROWS) {
            startSheet();
        }
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.length; i++) {
            write(row.createCell(i), values[i]);
        }
    }

    private void write(Cell cell, Object value) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof String text) {
            text(cell, text);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else if (value instanceof LocalDateTime dateTime) {
            cell.setCellValue(dateTime);
            cell.setCellStyle(dateTimeStyle);
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(dateStyle);
        } else {
            text(cell, value.toString());
        }
    }

    private void text(Cell cell, String text) {
        cell.setCellValue(ExportCells.forXlsx(text));
        if (ExportCells.looksLikeFormula(text)) {
            cell.setCellStyle(literalTextStyle);
        }
    }

    private void startSheet() {
        int number = workbook.getNumberOfSheets() + 1;
        sheet = workbook.createSheet(number == 1 ? "Export" : "Export (" + number + ")");
        nextRow = 0;
        if (!headers.isEmpty()) {
            Row row = sheet.createRow(nextRow++);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(ExportCells.forXlsx(headers.get(i)));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, COLUMN_WIDTH);
            }
            sheet.createFreezePane(0, 1);
        }
    }

    @Override
    public void finish() throws IOException {
        if (sheet == null) {
            startSheet();
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            workbook.write(out);
        }
    }

    /** In POI 5.5 closing the workbook also deletes its temporary files ({@code dispose()} is deprecated). */
    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
