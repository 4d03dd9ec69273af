package com.flowstate.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells a database that cannot be reached (down, restarting, the pool out of connections for longer than its
 * time-out) from a request that is wrong: the first is a 503 with {@code Retry-After}, worth retrying unchanged — with
 * the same {@code Idempotency-Key}, so a create that did commit is not repeated.
 */
public final class DatabaseOutage {

    /** How long a client should wait before retrying (seconds): about the pool's connection time-out. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The problem detail's text, the same wherever the outage is noticed. */
    public static final String DETAIL = "The database is not reachable at the moment: retry in a few seconds "
            + "(with the same Idempotency-Key, a retry never creates anything twice)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatabaseOutage() {
    }

    /**
     * Whether the exception, or anything in its cause chain, says the database connection is missing or broken:
     * Spring's resource-failure and cannot-begin exceptions, JDBC's connection exceptions, or an SQLState of class
     * {@code 08} (connection exception) or {@code 57P01}–{@code 57P03} (the server shutting down or starting).
     */
    public static boolean isCause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof TransactionSystemException failed) {
                // Commit or rollback on a connection the pool has already closed: PostgreSQL gives every error of
                // its own an SQLState, the pool's "Connection is closed" has none.
                if (failed.getCause() instanceof SQLException sql && sql.getSQLState() == null) {
                    return true;
                }
                // The rollback failed after the work itself failed: the work's exception says why.
                if (failed.getApplicationException() != null && isCause(failed.getApplicationException())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the exception, or its cause chain, is a collision with a concurrent transaction that a retry of the
     * whole request resolves: a deadlock ({@code 40P01}), a serialization failure ({@code 40001}), a child execution
     * a job added under a scope being ended (foreign key {@code act_fk_exe_parent}), Spring's concurrency failures, or
     * the engine's optimistic locking.
     */
    public static boolean isCollision(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException || cause instanceof OptimisticLockingException) {
                return true;
            }
            if (cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()) || isExecutionTreeChanged(sql))) {
                return true;
            }
        }
        return false;
    }

    /** A job committed a child execution under a scope this transaction ends (the engine's act_fk_exe_* keys). */
    private static boolean isExecutionTreeChanged(SQLException sql) {
        return "23503".equals(sql.getSQLState()) && String.valueOf(sql.getMessage()).contains("act_fk_exe");
    }

    /** The 503 answer; the caller adds the {@code Retry-After} header ({@link #retryAfterSeconds()}). */
    public static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setTitle("Database unavailable");
        return problem;
    }

    public static String retryAfterSeconds() {
        return Long.toString(RETRY_AFTER.toSeconds());
    }

    /**
     * Writes the 503 problem detail with {@code Retry-After} where Spring MVC's exception handling does not reach: a
     * servlet filter, Spring Security's authentication.
     */
    public static void write(HttpServletResponse response, String instance) throws IOException {
        ProblemDetail problem = problem();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", instance);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** A short description for the one log line an outage is worth: the innermost message, no stack trace. */
    public static String describe(Throwable thrown) {
        Throwable described = thrown;
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                described = cause;
            }
        }
        return described.getClass().getSimpleName() + ": " + described.getMessage();
    }

    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
