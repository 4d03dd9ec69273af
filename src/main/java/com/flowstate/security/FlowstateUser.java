package com.flowstate.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in user, with the company whose data they may see. */
public class FlowstateUser extends User {

    private final long userId;
    private final long companyId;
    private final String displayName;
    private final Set<Role> roles;
    private final boolean passwordChangeRequired;

    FlowstateUser(long userId, String username, String passwordHash, boolean enabled, long companyId,
                  String displayName, Set<Role> roles) {
        this(userId, username, passwordHash, enabled, companyId, displayName, roles, false);
    }

    FlowstateUser(long userId, String username, String passwordHash, boolean enabled, long companyId,
                  String displayName, Set<Role> roles, boolean passwordChangeRequired) {
        super(username, passwordHash, enabled, true, true, true, authorities(roles));
        this.userId = userId;
        this.companyId = companyId;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
        this.passwordChangeRequired = passwordChangeRequired;
    }

    private static Collection<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
    }

    public long userId() {
        return userId;
    }

    public long companyId() {
        return companyId;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Whether an admin reset the password when this user was loaded: the user must choose a new one before using
     * anything else ({@link PasswordChangeGate}; the UI sends them to its "choose a new password" view).
     */
    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Partner users see their company's opportunities; everyone else sees all. */
    public PartnerScope scope() {
        return hasRole(Role.PARTNER) && !hasRole(Role.ADMIN) && !hasRole(Role.INTERNAL)
                ? PartnerScope.company(companyId) : PartnerScope.everything();
    }
}
