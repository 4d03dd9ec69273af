package com.flowstate.directory;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.flowstate.security.Role;

/**
 * A user as the admin views and REST API show it (never a password or its hash).
 *
 * @param lockedForSeconds how long the sign-in throttle still refuses the user after wrong passwords; 0 when not
 */
public record UserDetails(long id, String username, String displayName, String email, Set<Role> roles,
                          long companyId, String companyName, boolean enabled, boolean passwordChangeRequired,
                          long lockedForSeconds) {

    @JsonProperty("locked")
    public boolean locked() {
        return lockedForSeconds > 0;
    }
}
