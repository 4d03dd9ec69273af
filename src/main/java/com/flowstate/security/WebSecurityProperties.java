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
 */
@ConfigurationProperties("flowstate.security")
public record WebSecurityProperties(LoginThrottleSettings loginThrottle, List<String> allowedOrigins) {

    public WebSecurityProperties {
        loginThrottle = loginThrottle == null ? new LoginThrottleSettings(5, 20, Duration.ofMinutes(15)) : loginThrottle;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    /**
     * A username with {@code maxFailuresPerUser} failed sign-ins within {@code window}, or a client address with
     * {@code maxFailuresPerAddress}, is refused without its password being checked until the oldest of those failures
     * is older than the window. A successful sign-in clears the username's failures (not the address's).
     */
    public record LoginThrottleSettings(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window) {
    }
}
