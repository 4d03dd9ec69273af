package com.flowstate.action.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.flowstate.action.OwnTransaction;

import com.flowstate.security.PartnerScope;

/**
 * The exported files, kept in the database in 1 MiB chunks: any node can serve a download, and neither storing nor
 * serving a file ever holds more than one chunk of it in memory.
 *
 * <p>Who may download a file is who may see its history row: the partner company whose data it holds, or platform
 * users ({@link #open}). The check is in the SQL, the same for the Vaadin tab and the REST API.
 */
@Component
public class ExportFiles {

    static final int CHUNK_SIZE = 1 << 20;
    private static final String SELECT = """
            select f.id, f.history_id, f.file_name, f.content_type, f.file_size, f.row_count
            from export_file f join export_history h on h.id = f.history_id
            """;

    private final JdbcClient jdbc;
    private final OwnTransaction ownTransaction;

    ExportFiles(JdbcClient jdbc, OwnTransaction ownTransaction) {
        this.jdbc = jdbc;
        this.ownTransaction = ownTransaction;
    }

    /**
     * Keeps the file of an export execution, in a transaction of its own: it survives a rollback of the attempt, so a
     * retry reuses it instead of exporting again, and a download link sent by e-mail always finds it.
     */
    StoredExportFile store(long historyId, String fileName, ExportExtension extension, long rows, Path file)
            throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return ownTransaction.call(own -> {
                long id = own.sql("""
                                insert into export_file (history_id, file_name, content_type, file_size, row_count)
                                values (?, ?, ?, ?, ?) returning id""")
                        .params(historyId, fileName, extension.contentType(), size, rows)
                        .query(Long.class).single();
                writeChunks(id, in);
                return new StoredExportFile(id, historyId, fileName, extension.contentType(), size, rows);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void writeChunks(long fileId, InputStream in) {
        byte[] buffer = new byte[CHUNK_SIZE];
        try {
            int seq = 0;
            int read;
            while ((read = in.readNBytes(buffer, 0, CHUNK_SIZE)) > 0) {
                jdbc.sql("insert into export_file_chunk (file_id, seq, data) values (?, ?, ?)")
                        .params(fileId, seq++, read == CHUNK_SIZE ? buffer : Arrays.copyOf(buffer, read))
                        .update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file an execution stored in an earlier attempt, if any; not scoped (for the action itself). */
    Optional<StoredExportFile> forHistory(long historyId) {
        return jdbc.sql(SELECT + "where f.history_id = ?").param(historyId).query(StoredExportFile.class).optional();
    }

    /** The whole file, for attaching it to an e-mail; only for files within the attachment limit. */
    byte[] readAll(StoredExportFile file) {
        try (InputStream in = new ChunkedInputStream(file.id())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file of a history row, if the scope may see that row: a partner company only the files of its own data,
     * platform users every file. Empty also when the row has no file (yet).
     */
    public Optional<StoredExportFile> find(PartnerScope scope, long historyId) {
        Long company = scope.isRestricted() ? scope.companyId().getAsLong() : null;
        return jdbc.sql(SELECT + "where h.id = ? and (cast(? as bigint) is null or h.scope_company_id = ?)")
                .params(historyId, company, company)
                .query(StoredExportFile.class).optional();
    }

    /** Streams the bytes of a file found through {@link #find}, one chunk at a time; the caller closes it. */
    public InputStream content(StoredExportFile file) {
        return new ChunkedInputStream(file.id());
    }

    /** Reads the chunks in order, fetching the next one only when the previous one is used up. */
    private final class ChunkedInputStream extends InputStream {

        private final long fileId;
        private int nextSeq;
        private byte[] chunk = new byte[0];
        private int position;
        private boolean end;

        ChunkedInputStream(long fileId) {
            this.fileId = fileId;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return chunk[position++] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, target, offset, count);
            position += count;
            return count;
        }

        private boolean fill() {
            while (!end && position >= chunk.length) {
                Optional<byte[]> next = jdbc.sql("select data from export_file_chunk where file_id = ? and seq = ?")
                        .params(fileId, nextSeq).query(byte[].class).optional();
                if (next.isEmpty()) {
                    end = true;
                } else {
                    nextSeq++;
                    chunk = next.get();
                    position = 0;
                }
            }
            return position < chunk.length;
        }
    }
}
