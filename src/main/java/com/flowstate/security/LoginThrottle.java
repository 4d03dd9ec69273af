package com.flowstate.security;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.flowstate.security.LoginLockedException.Scope;
import com.flowstate.security.WebSecurityProperties.LoginThrottleSettings;

/**
 * Counts failed sign-ins per username and per client address in PostgreSQL (table {@code login_failure}), so every
 * node of a cluster enforces the same limits, and refuses a sign-in whose username or address has reached its limit
 * within the window — before the password is checked. Times are the database's, so nodes' clocks need not agree.
 * A limit of zero or less switches that limit off.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_USERNAME = 255;
    private static final int MAX_ADDRESS = 64;

    private final JdbcClient jdbc;
    private final LoginThrottleSettings settings;

    @Autowired
    LoginThrottle(JdbcClient jdbc, WebSecurityProperties properties) {
        this(jdbc, properties.loginThrottle());
    }

    LoginThrottle(JdbcClient jdbc, LoginThrottleSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Lets a sign-in go on to its password check, or refuses it.
     *
     * @return whether the username has failures that a successful sign-in should clear
     * @throws LoginLockedException when the username or the address has too many recent failures
     */
    boolean admit(String username, String address) {
        Counts counts = count(username, address);
        Duration account = reached(counts.byUser(), settings.maxFailuresPerUser())
                ? unlockIn(Scope.ACCOUNT, username(username), settings.maxFailuresPerUser()) : Duration.ZERO;
        Duration client = reached(counts.byAddress(), settings.maxFailuresPerAddress())
                ? unlockIn(Scope.ADDRESS, address(address), settings.maxFailuresPerAddress()) : Duration.ZERO;
        if (!account.isZero() || !client.isZero()) {
            throw account.compareTo(client) >= 0 ? new LoginLockedException(Scope.ACCOUNT, account)
                    : new LoginLockedException(Scope.ADDRESS, client);
        }
        return counts.byUser() > 0;
    }

    /** Records a wrong password (or unknown username); says so in one WARN line when this failure locks. */
    void failed(String username, String address) {
        jdbc.sql("insert into login_failure (username, address) values (?, ?)")
                .params(username(username), address(address)).update();
        Counts counts = count(username, address);
        if (counts.byUser() == settings.maxFailuresPerUser()) {
            log.warn("Sign-in locked for user '{}' for up to {} after {} failed attempts (the last from {})",
                    printable(username), settings.window(), counts.byUser(), printable(address));
        }
        if (counts.byAddress() == settings.maxFailuresPerAddress()) {
            log.warn("Sign-in locked for address {} for up to {} after {} failed attempts (the last for user '{}')",
                    printable(address), settings.window(), counts.byAddress(), printable(username));
        }
    }

    /** A successful sign-in clears the username's failures; they still count for the addresses they came from. */
    void succeeded(String username) {
        jdbc.sql("update login_failure set username = null where username = ?").param(username(username)).update();
    }

    /** How long the username stays refused for its own failures (not its addresses'); empty when it is not. */
    java.util.Optional<Duration> accountLockedFor(String username) {
        long failures = count(username, null).byUser();
        return reached(failures, settings.maxFailuresPerUser())
                ? java.util.Optional.of(unlockIn(Scope.ACCOUNT, username(username), settings.maxFailuresPerUser()))
                : java.util.Optional.empty();
    }

    /** Failures older than the window count for nothing any more. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void prune() {
        jdbc.sql("delete from login_failure where failed_at < now() - make_interval(secs => ?)")
                .param(windowSeconds()).update();
    }

    private Counts count(String username, String address) {
        return jdbc.sql("""
                        select (select count(*) from login_failure
                                where username = :username and failed_at > now() - make_interval(secs => :window)),
                               (select count(*) from login_failure
                                where address = :address and failed_at > now() - make_interval(secs => :window))""")
                .param("username", username(username)).param("address", address(address))
                .param("window", windowSeconds())
                .query((rs, row) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
    }

    /**
     * When the count falls under the limit again: the limit-th most recent failure leaves the window.
     */
    private Duration unlockIn(Scope scope, String value, int limit) {
        String column = scope == Scope.ACCOUNT ? "username" : "address";
        double seconds = jdbc.sql("""
                        select extract(epoch from failed_at + make_interval(secs => :window) - now())
                        from login_failure
                        where %s = :value and failed_at > now() - make_interval(secs => :window)
                        order by failed_at desc offset :skip limit 1""".formatted(column))
                .param("value", value).param("window", windowSeconds()).param("skip", limit - 1)
                .query(Double.class).optional().orElse(1.0);
        return Duration.ofSeconds(Math.max(1, (long) Math.ceil(seconds)));
    }

    private static boolean reached(long failures, int limit) {
        return limit > 0 && failures >= limit;
    }

    private double windowSeconds() {
        return settings.window().toMillis() / 1000.0;
    }

    private static String username(String username) {
        String name = username == null ? "" : username;
        return name.length() > MAX_USERNAME ? name.substring(0, MAX_USERNAME) : name;
    }

    private static String address(String address) {
        String value = address == null ? "unknown" : address;
        return value.length() > MAX_ADDRESS ? value.substring(0, MAX_ADDRESS) : value;
    }

    /** A typed username goes into the log as one line of at most 100 characters. */
    private static String printable(String text) {
        String value = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }

    private record Counts(long byUser, long byAddress) {
    }
}
