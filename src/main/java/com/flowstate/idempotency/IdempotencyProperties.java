package com.flowstate.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idempotency keys on the REST API.
 *
 * @param expiry     how long an answer is kept for retries with the same key; after that the key may be used again
 * @param pruneEvery how often expired keys are deleted
 */
@ConfigurationProperties("flowstate.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration expiry, @DefaultValue("1h") Duration pruneEvery) {
}
