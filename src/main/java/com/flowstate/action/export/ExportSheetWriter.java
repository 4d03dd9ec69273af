package com.flowstate.action.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an export file row by row, never holding more than a small window of rows: values are {@code String},
 * {@code Long}, {@code Boolean}, {@code LocalDate}, {@code LocalDateTime} or null, and text goes through
 * {@link ExportCells#neutralise}.
 */
interface ExportSheetWriter extends AutoCloseable {

    static ExportSheetWriter open(ExportExtension extension, Path target) throws IOException {
        return switch (extension) {
            case CSV -> new CsvSheetWriter(target);
            case XLSX -> new XlsxSheetWriter(target);
        };
    }

    void header(List<String> headers) throws IOException;

    void row(Object[] values) throws IOException;

    /** Completes the file on disk; the writer is unusable afterwards. */
    void finish() throws IOException;

    /** Releases what the writer holds (temporary files included), finished or not. */
    @Override
    void close() throws IOException;
}
