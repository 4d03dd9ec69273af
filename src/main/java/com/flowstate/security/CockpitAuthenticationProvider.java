package com.flowstate.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands the Spring Security user to Camunda's webapps. Spring Security already let only admins through to
 * {@code /camunda/**}; they enter as members of Camunda's admin group. Camunda's webapps also want the user in the
 * engine's own identity tables, so an admin is mirrored there on first visit, with a random password nobody knows
 * (sign-in always goes through Flowstate). Camunda instantiates this class itself.
 */
public class CockpitAuthenticationProvider implements AuthenticationProvider {

    private final Set<String> mirrored = ConcurrentHashMap.newKeySet();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return CurrentUser.get()
                .filter(user -> user.hasRole(Role.ADMIN))
                .map(user -> {
                    mirror(user, engine.getIdentityService());
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

    private void mirror(FlowstateUser user, IdentityService identity) {
        if (mirrored.contains(user.getUsername())) {
            return;
        }
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group admins = identity.newGroup(Groups.CAMUNDA_ADMIN);
            admins.setName("Camunda administrators");
            admins.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(admins);
        }
        if (identity.createUserQuery().userId(user.getUsername()).count() == 0) {
            User mirror = identity.newUser(user.getUsername());
            mirror.setFirstName(user.displayName());
            mirror.setLastName("(Flowstate)");
            mirror.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
            identity.saveUser(mirror);
        }
        if (identity.createUserQuery().userId(user.getUsername()).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(user.getUsername(), Groups.CAMUNDA_ADMIN);
        }
        mirrored.add(user.getUsername());
    }
}
