package com.flowstate.action.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as Excel in Italy and Spain opens it with a double click: UTF-8 with a byte-order mark (or accents break),
 * semicolons between fields (the comma is the decimal separator there), CRLF, RFC 4180 quoting.
 */
final class CsvSheetWriter implements ExportSheetWriter {

    static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').get();
    static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CSVPrinter printer;

    CsvSheetWriter(Path target) throws IOException {
        BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        out.write(BYTE_ORDER_MARK);
        this.printer = new CSVPrinter(out, FORMAT);
    }

    @Override
    public void header(List<String> headers) throws IOException {
        printer.printRecord(headers.stream().map(ExportCells::asText).toList());
    }

    @Override
    public void row(Object[] values) throws IOException {
        for (Object value : values) {
            printer.print(ExportCells.asText(value));
        }
        printer.println();
    }

    @Override
    public void finish() throws IOException {
        printer.close(true);
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
