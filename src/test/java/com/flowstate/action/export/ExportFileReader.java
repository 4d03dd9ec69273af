package com.flowstate.action.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads export files back the way a recipient's spreadsheet would, for assertions. */
final class ExportFileReader {

    private ExportFileReader() {
    }

    /** Every row of a csv export, header first; the byte-order mark must be there and is dropped. */
    static List<List<String>> csv(byte[] content) throws IOException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.isEmpty() || text.charAt(0) != CsvSheetWriter.BYTE_ORDER_MARK) {
            throw new AssertionError("The csv does not start with a UTF-8 byte-order mark");
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), CsvSheetWriter.FORMAT)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    /**
     * Every row of the first sheet of an xlsx export, header first: text, numbers as doubles, booleans, dates as the
     * cell shows them; a formula cell as {@code FORMULA:<formula>}.
     */
    static List<List<Object>> xlsx(byte[] content) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<Object> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    Cell cell = row.getCell(i);
                    if (cell == null || cell.getCellType() == CellType.BLANK) {
                        cells.add(null);
                    } else if (cell.getCellType() == CellType.FORMULA) {
                        cells.add("FORMULA:" + cell.getCellFormula());
                    } else if (cell.getCellType() == CellType.STRING) {
                        cells.add(cell.getStringCellValue());
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        cells.add(DateUtil.isCellDateFormatted(cell) ? formatter.formatCellValue(cell)
                                : (Object) cell.getNumericCellValue());
                    } else if (cell.getCellType() == CellType.BOOLEAN) {
                        cells.add(cell.getBooleanCellValue());
                    } else {
                        cells.add(formatter.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /**
     * Counts the rows of an xlsx's first sheet with a streaming XML reader, so a file of any size is counted without
     * loading it as a workbook.
     */
    /** Whether a cell of the first sheet is quote-prefixed text (Excel never takes it for a formula). */
    static boolean quotePrefixed(byte[] content, int row, int column) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            return workbook.getSheetAt(0).getRow(row).getCell(column).getCellStyle().getQuotePrefixed();
        }
    }

    static long xlsxRowCount(Path xlsx) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            if (sheet == null) {
                throw new AssertionError("No first sheet in the xlsx");
            }
            try (InputStream in = zip.getInputStream(sheet)) {
                return countRows(in);
            }
        }
    }

    private static long countRows(InputStream sheet) throws IOException {
        try {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(sheet);
            long rows = 0;
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("row")) {
                    rows++;
                }
            }
            return rows;
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
