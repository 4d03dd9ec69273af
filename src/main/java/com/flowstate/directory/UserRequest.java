package com.flowstate.directory;

import java.util.Set;

import com.flowstate.security.Role;

/**
 * A user as an admin writes it. A PARTNER belongs to a partner company and has no other role; the other roles belong
 * to the platform company.
 *
 * @param username fixed once created (sign-ins, tokens and history refer to it); ignored on update
 * @param enabled  false locks the user out (sign-in, HTTP Basic and API tokens) until enabled again
 */
public record UserRequest(String username, String displayName, String email, Set<Role> roles, Long companyId,
                          Boolean enabled) {

    public UserRequest {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
