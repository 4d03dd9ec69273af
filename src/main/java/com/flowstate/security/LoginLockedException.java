package com.flowstate.security;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused before its password was checked: too many recent failures for the username or from the client
 * address. The API answers it with 429 and {@code Retry-After}; the login page with its own message.
 */
public class LoginLockedException extends LockedException {

    /** What was locked: the account (username) or the client address. */
    public enum Scope { ACCOUNT, ADDRESS }

    private final Scope scope;
    private final Duration retryAfter;

    LoginLockedException(Scope scope, Duration retryAfter) {
        super((scope == Scope.ACCOUNT ? "This account" : "This address") + " is temporarily locked after too many "
                + "failed sign-ins; try again in " + retryAfter.toSeconds() + " seconds");
        this.scope = scope;
        this.retryAfter = retryAfter;
    }

    public Scope scope() {
        return scope;
    }

    /** How long until a sign-in is tried again; at least one second. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
