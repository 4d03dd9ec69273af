package com.flowstate.security;

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

    UserService(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
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
                        select id, username, password_hash, enabled, company_id, display_name
                        from app_user where username = ?""")
                .param(username)
                .query((rs, row) -> new Object[] {rs.getLong("id"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), rs.getLong("company_id"), rs.getString("display_name")})
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from app_user_role where user_id = ?").param(user[0])
                .query(String.class).list().forEach(role -> roles.add(Role.valueOf(role)));
        return new FlowstateUser((Long) user[0], username, (String) user[1], (Boolean) user[2], (Long) user[3],
                (String) user[4], roles);
    }

    /** A user as other features see it: no password, no roles. */
    public record UserSummary(long id, String username, String displayName, String email) {
    }
}
