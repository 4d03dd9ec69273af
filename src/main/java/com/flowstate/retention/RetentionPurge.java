package com.flowstate.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.flowstate.history.CappedCount;

/**
 * Deletes expired rows without ever locking a tab: one short transaction per batch of at most
 * {@link RetentionProperties#batchSize()} rows, found oldest first through the table's creation-time index and
 * locked {@code for update skip locked} (a row an action is updating right now waits for the next night), its
 * children deleted with it. Readers never wait: PostgreSQL's deletes block no reader, and a batch's row locks last
 * milliseconds.
 * <p>
 * One purge at a time over all nodes: the run holds a session advisory lock on a connection of its own for its whole
 * length; the database lets it go if the node dies.
 */
@Component
class RetentionPurge {

    /** The advisory lock key of the purge (any constant the application uses for nothing else). */
    static final long LOCK = 0x466c6f7752657431L;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final RetentionProperties properties;

    RetentionPurge(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions,
                   RetentionProperties properties) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** How many rows are older than the cutoff, up to {@link CappedCount#CAP}. */
    CappedCount expired(RetentionTab tab, Instant cutoff) {
        long counted = jdbc.sql(CappedCount.sql("select 1 from " + tab.table() + " where " + tab.agedBy() + " < ?"))
                .param(Timestamp.from(cutoff)).query(Long.class).single();
        return CappedCount.of(counted);
    }

    /**
     * Runs {@code purge} while holding the purge lock.
     *
     * @throws PurgeRunningException when another purge holds it
     */
    <T> T exclusively(Supplier<T> purge) {
        try (Connection connection = dataSource.getConnection()) {
            if (!advisory(connection, "select pg_try_advisory_lock(?)")) {
                throw new PurgeRunningException();
            }
            try {
                return purge.get();
            } finally {
                advisory(connection, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The purge lock could not be taken: " + e.getMessage(), e);
        }
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /**
     * Deletes the tab's rows created before {@code cutoff}, batch by batch, until a batch finds none (rows locked by
     * an action at that moment are left for the next run).
     */
    PurgedRows purge(RetentionTab tab, int days, Instant cutoff) {
        long deleted = 0;
        int batches = 0;
        while (true) {
            Integer batch = transactions.execute(status -> deleteBatch(tab, cutoff));
            if (batch == null || batch == 0) {
                break;
            }
            deleted += batch;
            batches++;
            // A short batch is not the end: rows an action held were skipped; the next query finds those after them.
            pause();
        }
        return new PurgedRows(tab.key(), days, cutoff, deleted, batches);
    }

    private int deleteBatch(RetentionTab tab, Instant cutoff) {
        String keyColumn = tab.isAction() ? "execution_key" : "null::text";
        List<Long> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        jdbc.sql("select id, " + keyColumn + " from " + tab.table() + " where " + tab.agedBy() + " < ? order by "
                        + tab.agedBy() + " limit ? for update skip locked")
                .params(Timestamp.from(cutoff), properties.batchSize())
                .query(rs -> {
                    ids.add(rs.getLong(1));
                    keys.add(rs.getString(2));
                });
        if (ids.isEmpty()) {
            return 0;
        }
        Long[] idArray = ids.toArray(Long[]::new);
        if (tab.isAction()) {
            String[] keyArray = keys.toArray(String[]::new);
            for (String child : RetentionTab.EXECUTION_CHILDREN) {
                deleteByKey(child, keyArray);
            }
            for (String delivery : tab.deliveries()) {
                deleteByKey(delivery, keyArray);
            }
        }
        for (String pointer : tab.pointers()) {
            String[] tableColumn = pointer.split("\\.");
            jdbc.sql("update " + tableColumn[0] + " set " + tableColumn[1] + " = null where " + tableColumn[1]
                    + " = any(cast(? as bigint[]))").param(idArray).update();
        }
        return jdbc.sql("delete from " + tab.table() + " where id = any(cast(? as bigint[]))").param(idArray)
                .update();
    }

    private void deleteByKey(String table, String[] keys) {
        jdbc.sql("delete from " + table + " where execution_key = any(cast(? as text[]))").param(keys).update();
    }

    private void pause() {
        if (properties.pause().isZero() || properties.pause().isNegative()) {
            return;
        }
        try {
            Thread.sleep(properties.pause().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The purge was interrupted", e);
        }
    }
}
