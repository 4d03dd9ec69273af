package com.flowstate.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sign-ins and browsers are held in check.
 *
 * @param loginThrottle  when failed sign-ins lock a username or a client address
 * @param allowedOrigins origins (scheme://host[:port]) besides this server's own whose browser pages may change state
 *                       through {@code /api} and {@code /engine-rest}; none by default
 * @param credentialCache how long a verified HTTP Basic password is remembered (decision 0026)
 */
@ConfigurationProperties("flowstate.security")
public record WebSecurityProperties(LoginThrottleSettings loginThrottle, List<String> allowedOrigins,
                                    CredentialCacheSettings credentialCache) {

    public WebSecurityProperties {
        loginThrottle = loginThrottle == null ? new LoginThrottleSettings(5, 20, Duration.ofMinutes(15)) : loginThrottle;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        credentialCache = credentialCache == null ? new CredentialCacheSettings(null, null) : credentialCache;
    }

    /**
     * A password that bcrypt verified is not checked again for {@code ttl} (at most {@code maximumSize} entries); a
     * zero ttl or size checks every request with bcrypt.
     */
    public record CredentialCacheSettings(Duration ttl, Integer maximumSize) {

        public CredentialCacheSettings {
            ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
            maximumSize = maximumSize == null ? 10_000 : maximumSize;
        }
    }

    /**
     * A username with {@code maxFailuresPerUser} failed sign-ins within {@code window}, or a client address with
     * {@code maxFailuresPerAddress}, is refused without its password being checked until the oldest of those failures
     * is older than the window. A successful sign-in clears the username's failures (not the address's).
     */
    public record LoginThrottleSettings(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window) {
    }
}
