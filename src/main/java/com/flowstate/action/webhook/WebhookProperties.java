package com.flowstate.action.webhook;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the Call webhook action talks HTTP.
 *
 * @param connectTimeout how long to wait for the receiver to accept the connection; a receiver that does not is down
 *                       for now (transient failure, retried)
 * @param readTimeout    how long to wait for the answer once connected; also transient when it runs out, since the
 *                       receiver dedupes the retry by its {@code Idempotency-Key}
 * @param secrets        signing secrets by name (a flow's {@code secret} input names one, so no secret is written in
 *                       a BPMN file); from the environment, e.g. {@code FLOWSTATE_WEBHOOK_SECRETS_ERP}
 */
@ConfigurationProperties("flowstate.webhook")
public record WebhookProperties(Duration connectTimeout, Duration readTimeout, Map<String, String> secrets) {

    public WebhookProperties {
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(5), "connect-timeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(10), "read-timeout");
        secrets = secrets == null ? Map.of() : secrets.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .collect(Collectors.toUnmodifiableMap(entry -> key(entry.getKey()), Map.Entry::getValue));
    }

    /** The secret configured under this name (any case: names bound from environment variables are lower case). */
    public Optional<String> secret(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(secrets.get(key(name)));
    }

    /** Never prints the secrets themselves. */
    @Override
    public String toString() {
        return "WebhookProperties[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", secrets=" + secrets.keySet() + "]";
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("flowstate.webhook." + name + " must be a positive duration, was " + value);
        }
        return value;
    }
}
