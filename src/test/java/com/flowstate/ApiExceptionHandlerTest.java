package com.flowstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void everyKindOfDatabaseOutageIsA503WithRetryAfter() {
        var poolTimeout = new SQLTransientConnectionException("Connection is not available, request timed out");
        var broken = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE);
        List<RuntimeException> outages = List.of(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout),
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", poolTimeout),
                new DataAccessResourceFailureException("I/O error", broken),
                new TransientDataAccessResourceException("connection lost", broken),
                new TransactionSystemException("Could not commit JDBC transaction", broken),
                new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation", broken));

        for (RuntimeException outage : outages) {
            var answer = handler.databaseUnavailable(outage);

            assertThat(answer.getStatusCode()).as(outage.getClass().getSimpleName())
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(answer.getBody().getDetail()).contains("database is not reachable");
        }
    }

    @Test
    void aCollisionWithAConcurrentTransactionIsAConflictToTryAgain() {
        var deadlock = new ProcessEngineException("An exception occurred in the persistence layer",
                new java.sql.SQLException("ERROR: deadlock detected", "40P01"));

        var childAdded = new ProcessEngineException("An exception occurred in the persistence layer",
                new java.sql.BatchUpdateException("Batch entry 0 delete from ACT_RU_EXECUTION was aborted", "23503", 0,
                        new int[0], new PSQLException("ERROR: update or delete on table \"act_ru_execution\" "
                        + "violates foreign key constraint \"act_fk_exe_parent\"", PSQLState.FOREIGN_KEY_VIOLATION)));

        for (RuntimeException collision : List.of(deadlock, childAdded)) {
            var answer = handler.databaseUnavailable(collision);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(answer.getBody().getDetail()).contains("try again");
        }
    }

    @Test
    void anyOtherDatabaseErrorStaysTheErrorItIs() {
        var duplicate = new DataIntegrityViolationException("duplicate key");

        assertThatThrownBy(() -> handler.databaseUnavailable(duplicate)).isSameAs(duplicate);
    }
}
