package com.flowstate.action.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.flowstate.security.PartnerScope;

/**
 * Writes an export file straight from a database cursor: a forward-only result set fetched {@code fetchSize} rows
 * at a time goes row by row into the csv or xlsx writer, so memory stays flat whether the export has ten rows or a
 * million. It reads in a read-only transaction of its own (PostgreSQL streams a result set only inside a
 * transaction), which also keeps a failing query from spoiling the caller's transaction.
 */
@Component
class ExportGenerator {

    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final int fetchSize;

    ExportGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactions, ExportProperties properties) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly.setReadOnly(true);
        this.fetchSize = properties.fetchSize();
    }

    /**
     * Exports the template's rows within the scope into {@code target} (created or replaced).
     *
     * @throws IOException when the file cannot be written
     * @throws org.springframework.dao.DataAccessException when the query fails
     */
    GeneratedExport generate(ExportTemplate template, PartnerScope scope, Path target) throws IOException {
        ExportQuery query = ExportQuery.of(template, scope);
        try (ExportSheetWriter writer = ExportSheetWriter.open(template.extension(), target)) {
            writer.header(query.headers());
            long rows = stream(query, writer);
            writer.finish();
            return new GeneratedExport(rows, Files.size(target));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private long stream(ExportQuery query, ExportSheetWriter writer) {
        List<ExportColumn> columns = query.columns();
        long[] rows = {0};
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < query.params().size(); i++) {
                statement.setObject(i + 1, query.params().get(i));
            }
            return statement;
        }, (RowCallbackHandler) rs -> {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(rs, i + 1, columns.get(i).kind());
            }
            try {
                writer.row(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows[0]++;
        }));
        return rows[0];
    }

    private static Object value(ResultSet rs, int index, ExportColumn.Kind kind) throws SQLException {
        Object value = switch (kind) {
            case TEXT -> rs.getString(index);
            case NUMBER -> rs.getLong(index);
            case BOOLEAN -> rs.getBoolean(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIMESTAMP -> {
                Timestamp timestamp = rs.getTimestamp(index);
                yield timestamp == null ? null : timestamp.toInstant().atZone(ZONE).toLocalDateTime();
            }
        };
        return rs.wasNull() ? null : value;
    }

    /** How many rows (header excluded) and bytes the file has. */
    record GeneratedExport(long rows, long size) {
    }
}
