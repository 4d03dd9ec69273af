/**
 * Idempotency keys on the REST API: a state-changing {@code /api} request with an {@code Idempotency-Key} header runs
 * in one transaction together with the record of its answer, so a client that retries with the same key (after a
 * lost answer, a time-out or a 503 while the database was down) gets the stored answer instead of a second
 * opportunity. Keys are per user and expire after {@code flowstate.idempotency.expiry}.
 */
package com.flowstate.idempotency;
