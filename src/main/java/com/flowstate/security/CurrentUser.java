package com.flowstate.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the current request, from Spring Security's context. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<FlowstateUser> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof FlowstateUser user
                ? Optional.of(user) : Optional.empty();
    }

    public static FlowstateUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** The partner scope of the current user; no user means no data. */
    public static PartnerScope scope() {
        return require().scope();
    }
}
