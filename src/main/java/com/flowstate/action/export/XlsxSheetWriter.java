package com.flowstate.action.export;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * XLSX through POI's streaming SXSSF: only the last {@value #WINDOW} rows live in memory, older ones go to a
 * gzipped temporary file that {@link #close()} deletes. Styles are created once, in the constructor. Strings are
 * inline (no shared-strings table growing with the data). A sheet holds at most 1,048,576 rows; a larger export goes
 * on in a further sheet with the same header.
 */
final class XlsxSheetWriter implements ExportSheetWriter {

    static final int WINDOW = 100;
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int COLUMN_WIDTH = 22 * 256;

    private final Path target;
    private final SXSSFWorkbook workbook = new FastDeflateWorkbook(WINDOW);
    private final CellStyle plainStyle;
    private final CellStyle headerStyle;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private final CellStyle literalTextStyle;
    private List<String> headers = List.of();
    private SXSSFSheet sheet;
    private int nextRow;

    XlsxSheetWriter(Path target) {
        this.target = target;
        plainStyle = workbook.getCellStyleAt(0);
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

    /**
     * Every cell gets its style here, the default one included: a cell without one makes POI look up its column's
     * style in the sheet's XML beans at write time, which with column widths set cost a third of the writer's time.
     */
    private void write(Cell cell, Object value) {
        if (value == null) {
            cell.setBlank();
            cell.setCellStyle(plainStyle);
        } else if (value instanceof String text) {
            text(cell, text);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(plainStyle);
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
            cell.setCellStyle(plainStyle);
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
        cell.setCellStyle(ExportCells.looksLikeFormula(text) ? literalTextStyle : plainStyle);
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

    /**
     * SXSSF with both deflate passes at {@link Deflater#BEST_SPEED}: the temporary sheet file (gzip, roughly an eighth
     * of the sheet XML's size on disk at about the CPU cost of writing it uncompressed) and the xlsx itself (about a fifth
     * larger than at the default level, several seconds less per million rows). Measured in docs/decisions/0028.
     */
    private static final class FastDeflateWorkbook extends SXSSFWorkbook {

        FastDeflateWorkbook(int window) {
            super(window);
            setCompressTempFiles(true);
        }

        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return new GZIPSheetDataWriter() {
                @Override
                protected OutputStream decorateOutputStream(FileOutputStream file) throws IOException {
                    return new GZIPOutputStream(file, BUFFER) {
                        {
                            def.setLevel(Deflater.BEST_SPEED);
                        }
                    };
                }
            };
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }

    /** In POI 5.5 closing the workbook also deletes its temporary files ({@code dispose()} is deprecated). */
    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
