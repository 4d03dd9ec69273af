package com.flowstate.security;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and their roles, stored in the app database with bcrypt password hashes. */
@Service
public class UserService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;

    UserService(JdbcClient jdbc, PasswordEncoder passwords, LoginThrottle throttle) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /** Creates a user; the password is stored only as a bcrypt hash. */
    @Transactional
    public long create(String username, String rawPassword, String displayName, String email, long companyId,
                       Set<Role> roles) {
        long id = jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, email, company_id)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(username, passwords.encode(rawPassword), displayName, email, companyId)
                .query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("insert into app_user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
        return id;
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    /** Users with a role, e.g. the internal users an opportunity can be owned by. */
    @Transactional(readOnly = true)
    public List<UserSummary> withRole(Role role) {
        return jdbc.sql("""
                        select u.id, u.username, u.display_name, u.email from app_user u
                        join app_user_role r on r.user_id = u.id
                        where r.role = ? and u.enabled order by u.display_name""")
                .param(role.name()).query(UserSummary.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> findByUsername(String username) {
        return jdbc.sql("select id, username, display_name, email from app_user where username = ?")
                .param(username).query(UserSummary.class).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public FlowstateUser loadUserByUsername(String username) {
        var user = jdbc.sql("""
                        select u.id, u.username, u.password_hash, u.enabled and c.active enabled, u.company_id,
                               u.display_name, u.password_change_required
                        from app_user u join company c on c.id = u.company_id where u.username = ?""")
                .param(username)
                .query((rs, row) -> new Object[] {rs.getLong("id"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), rs.getLong("company_id"), rs.getString("display_name"),
                        rs.getBoolean("password_change_required")})
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from app_user_role where user_id = ?").param(user[0])
                .query(String.class).list().forEach(role -> roles.add(Role.valueOf(role)));
        return new FlowstateUser((Long) user[0], username, (String) user[1], (Boolean) user[2], (Long) user[3],
                (String) user[4], roles, (Boolean) user[5]);
    }

    /**
     * Replaces a user's password (stored as a bcrypt hash only). With {@code changeRequired} the user must choose a
     * new one at their next sign-in (an admin's reset); without, it is the user's own new password.
     */
    @Transactional
    public void setPassword(long userId, String rawPassword, boolean changeRequired) {
        jdbc.sql("update app_user set password_hash = ?, password_change_required = ? where id = ?")
                .params(passwords.encode(rawPassword), changeRequired, userId).update();
    }

    /**
     * Whether the user may go on as they are now (read from the database, not from the session): disabled, or their
     * company deactivated, since they signed in; or they must first choose a new password after an admin's reset.
     */
    @Transactional(readOnly = true)
    public Standing standing(long userId) {
        return jdbc.sql("""
                        select case when not (u.enabled and c.active) then 'DISABLED'
                                    when u.password_change_required then 'PASSWORD_CHANGE_REQUIRED'
                                    else 'ACTIVE' end
                        from app_user u join company c on c.id = u.company_id where u.id = ?""")
                .param(userId).query(String.class).optional().map(Standing::valueOf).orElse(Standing.DISABLED);
    }

    /** See {@link #standing(long)}. */
    public enum Standing {
        ACTIVE, PASSWORD_CHANGE_REQUIRED, DISABLED
    }

    /** Whether the password matches the user's current one. */
    @Transactional(readOnly = true)
    public boolean passwordMatches(long userId, String rawPassword) {
        return jdbc.sql("select password_hash from app_user where id = ?").param(userId).query(String.class)
                .optional().map(hash -> passwords.matches(rawPassword, hash)).orElse(false);
    }

    /** How long the sign-in throttle still refuses the username after too many wrong passwords; empty if not. */
    public Optional<Duration> lockedFor(String username) {
        return throttle.accountLockedFor(username);
    }

    /** Lifts the sign-in throttle's lock on a username (its failures stop counting; its addresses' still do). */
    public void unlock(String username) {
        throttle.succeeded(username);
    }

    /** A user as other features see it: no password, no roles. */
    public record UserSummary(long id, String username, String displayName, String email) {
    }
}
