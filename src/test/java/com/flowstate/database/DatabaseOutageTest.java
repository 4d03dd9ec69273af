package com.flowstate.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTest {

    /** What Hikari throws when no connection comes within its connection time-out. */
    private static final SQLTransientConnectionException POOL_TIMEOUT = new SQLTransientConnectionException(
            "flowstate - Connection is not available, request timed out after 5000ms (total=0, active=0, idle=0, "
                    + "waiting=0)");

    @Test
    void noConnectionFromThePoolIsAnOutage() {
        assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("Failed to obtain", POOL_TIMEOUT)))
                .isTrue();
        assertThat(DatabaseOutage.isCause(POOL_TIMEOUT)).isTrue();
    }

    @Test
    void aTransactionThatCannotBeginIsAnOutage() {
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("Could not open JDBC Connection",
                POOL_TIMEOUT))).isTrue();
    }

    @Test
    void springsResourceFailuresAreOutages() {
        assertThat(DatabaseOutage.isCause(new DataAccessResourceFailureException("I/O error"))).isTrue();
        assertThat(DatabaseOutage.isCause(new TransientDataAccessResourceException("gone"))).isTrue();
    }

    @Test
    void aBrokenConnectionInsideTheEngineOrAtCommitIsAnOutage() {
        PSQLException broken = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE);
        PSQLException shuttingDown = new PSQLException("FATAL: terminating connection due to administrator command",
                null) {
            @Override
            public String getSQLState() {
                return "57P01";
            }
        };

        assertThat(DatabaseOutage.isCause(new ProcessEngineException("flush failed",
                new org.apache.ibatis.exceptions.PersistenceException(broken)))).isTrue();
        assertThat(DatabaseOutage.isCause(new TransactionSystemException("Could not commit JDBC transaction",
                broken))).isTrue();
        assertThat(DatabaseOutage.isCause(new UncategorizedSQLException("select", "select 1", shuttingDown)))
                .isTrue();
    }

    @Test
    void aCommitOrRollbackOnAConnectionThePoolClosedIsAnOutage() {
        var rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        var afterFailedWork = new TransactionSystemException("JDBC rollback failed",
                new SQLException("rollback refused", "XX000"));
        afterFailedWork.initApplicationException(new CannotGetJdbcConnectionException("Failed to obtain",
                POOL_TIMEOUT));

        assertThat(DatabaseOutage.isCause(rollbackFailed)).isTrue();
        assertThat(DatabaseOutage.isCause(afterFailedWork)).isTrue();
        assertThat(DatabaseOutage.isCause(new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("could not serialize access", "40001")))).isFalse();
    }

    @Test
    void anOutageIsDescribedByItsInnermostMessage() {
        var broken = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new java.io.EOFException());

        assertThat(DatabaseOutage.describe(new DataAccessResourceFailureException("select", broken)))
                .isEqualTo("PSQLException: An I/O error occurred while sending to the backend.");
    }

    @Test
    void aRefusedStatementIsNoOutage() {
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCause(new ProcessEngineException("Unknown property"))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalArgumentException("no"))).isFalse();
    }
}
