package com.flowstate.retry;

/**
 * How far a bulk retry got.
 *
 * @param total     rows the batch took (failed rows not already being retried)
 * @param done      rows whose retry ended, succeeded or failed
 * @param finished  true once every row's retry ended
 */
public record RetryBatchProgress(long id, String action, int total, int done, int succeeded, int failed,
                                 boolean finished) {
}
