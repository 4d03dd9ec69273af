package com.flowstate.security;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs work started by the system itself (demo data, scheduled jobs) as a named user of the app. */
public final class SystemAuthentication {

    private SystemAuthentication() {
    }

    public static <T> T runAs(FlowstateUser user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(FlowstateUser user, Runnable work) {
        runAs(user, () -> {
            work.run();
            return null;
        });
    }
}
