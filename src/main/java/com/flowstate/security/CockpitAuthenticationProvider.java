package com.flowstate.security;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands the Spring Security user to Camunda's webapps. Spring Security already let only admins through to
 * {@code /camunda/**}; they enter as members of Camunda's admin group. Camunda instantiates this class itself.
 */
public class CockpitAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return CurrentUser.get()
                .filter(user -> user.hasRole(Role.ADMIN))
                .map(user -> {
                    AuthenticationResult result = AuthenticationResult.successful(user.getUsername());
                    result.setGroups(List.of(Groups.CAMUNDA_ADMIN));
                    return result;
                })
                .orElseGet(AuthenticationResult::unsuccessful);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security sends unauthenticated users to the login page before they get here.
    }
}
