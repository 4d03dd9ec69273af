package com.flowstate.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_key} table (V16): one row per user and key, with the first request's answer. */
@Repository
class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcClient jdbc;
    private final IdempotencyProperties properties;

    IdempotencyKeys(JdbcClient jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A key already used (and committed) for a request, with that request's fingerprint and answer. */
    record Earlier(RequestFingerprint request, StoredResponse response) {
    }

    /**
     * Takes the key for this request in the caller's transaction, or finds who had it. An expired key is free again.
     * A request holding the same key in another transaction makes this wait on the primary key until that one commits
     * (then its answer is returned) or rolls back (then the key is taken here).
     *
     * @return empty when the key is now this request's; else the earlier request and its answer
     */
    Optional<Earlier> claim(String username, String key, RequestFingerprint request) {
        jdbc.sql("delete from idempotency_key where username = ? and idempotency_key = ? and created_at < ?")
                .params(username, key, Timestamp.from(Instant.now().minus(properties.expiry()))).update();
        int claimed = jdbc.sql("""
                        insert into idempotency_key (username, idempotency_key, method, path, request_hash)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(username, key, request.method(), request.path(), request.bodyHash()).update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        select method, path, request_hash, response_status, response_content_type, response_location,
                               response_body
                        from idempotency_key where username = ? and idempotency_key = ?""")
                .params(username, key)
                .query((rs, row) -> new Earlier(
                        new RequestFingerprint(rs.getString("method"), rs.getString("path"),
                                rs.getBytes("request_hash")),
                        new StoredResponse(rs.getInt("response_status"), rs.getString("response_content_type"),
                                rs.getString("response_location"), rs.getBytes("response_body"))))
                .single());
    }

    /** Stores the answer of the request that claimed the key (same transaction). */
    void complete(String username, String key, StoredResponse response) {
        jdbc.sql("""
                        update idempotency_key set response_status = ?, response_content_type = ?,
                               response_location = ?, response_body = ?
                        where username = ? and idempotency_key = ?""")
                .params(response.status(), response.contentType(), response.location(), response.body(), username,
                        key)
                .update();
    }

    /** Gives the key back (same transaction): the request was refused, its answer is not kept. */
    void release(String username, String key) {
        jdbc.sql("delete from idempotency_key where username = ? and idempotency_key = ?").params(username, key)
                .update();
    }

    /** Deletes expired keys (index idempotency_key_created_at); a database outage waits for the next round. */
    @Scheduled(fixedDelayString = "${flowstate.idempotency.prune-every:PT1H}",
            initialDelayString = "${flowstate.idempotency.prune-every:PT1H}")
    void prune() {
        try {
            int pruned = jdbc.sql("delete from idempotency_key where created_at < ?")
                    .param(Timestamp.from(Instant.now().minus(properties.expiry()))).update();
            if (pruned > 0) {
                log.info("Pruned {} expired idempotency keys", pruned);
            }
        } catch (DataAccessException e) {
            log.warn("Expired idempotency keys not pruned this time: {}", e.getMessage());
        }
    }
}
