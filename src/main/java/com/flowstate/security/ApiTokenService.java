package com.flowstate.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own API tokens for integrations (decision 0026): created and revoked by the user, shown once, kept only as
 * their SHA-256. A token is 32 random bytes, so a fast hash is enough: nobody can guess one, and the hash is only
 * there so a copy of the database does not hand out working tokens. A token acts as its user as they are now — role,
 * partner company, enabled — so it is never broader than its user.
 */
@Service
public class ApiTokenService {

    /** Prefix of every token: recognisable in logs and by secret scanners. */
    static final String PREFIX = "fst_";
    private static final Logger log = LoggerFactory.getLogger(ApiTokenService.class);
    private static final int MAX_ACTIVE = 50;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    /** When this node last wrote each token's last use, so a busy token is written at most once a minute. */
    private final Map<Long, Instant> touched = new ConcurrentHashMap<>();

    ApiTokenService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's tokens that are not revoked (expired ones too, so they can be seen and revoked), newest first. */
    @Transactional(readOnly = true)
    public List<ApiToken> list(FlowstateUser owner) {
        return jdbc.sql("""
                        select id, name, token_prefix, created_at, last_used_at, expires_at from api_token
                        where user_id = ? and revoked_at is null order by created_at desc, id desc""")
                .param(owner.userId())
                .query((rs, row) -> new ApiToken(rs.getLong(1), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                .list();
    }

    /**
     * Creates a token for the user; its secret is in the answer and nowhere else.
     *
     * @throws IllegalArgumentException for an empty or too long name, a control character in it, a lifetime out of
     *                                  range, or a user who already has {@value #MAX_ACTIVE} tokens
     */
    @Transactional
    public CreatedApiToken create(FlowstateUser owner, NewApiToken request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The token needs a name");
        }
        if (name.length() > NewApiToken.MAX_NAME) {
            throw new IllegalArgumentException("The token's name is longer than " + NewApiToken.MAX_NAME
                    + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The token's name contains a control character");
        }
        Integer days = request.expiresInDays();
        if (days != null && (days < 1 || days > NewApiToken.MAX_DAYS)) {
            throw new IllegalArgumentException("expiresInDays must be between 1 and " + NewApiToken.MAX_DAYS);
        }
        long active = jdbc.sql("select count(*) from api_token where user_id = ? and revoked_at is null")
                .param(owner.userId()).query(Long.class).single();
        if (active >= MAX_ACTIVE) {
            throw new IllegalArgumentException("You have " + MAX_ACTIVE + " API tokens already: revoke one first");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = token.substring(0, PREFIX.length() + 6);
        ApiToken created = jdbc.sql("""
                        insert into api_token (user_id, name, token_hash, token_prefix, expires_at)
                        values (:user, :name, :hash, :prefix,
                                case when cast(:days as integer) is null then null
                                     else now() + make_interval(days => cast(:days as integer)) end)
                        returning id, name, token_prefix, created_at, last_used_at, expires_at""")
                .param("user", owner.userId()).param("name", name).param("hash", hash(token))
                .param("prefix", prefix).param("days", days)
                .query((rs, row) -> new ApiToken(rs.getLong(1), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                .single();
        log.info("User '{}' created API token {} ('{}')", owner.getUsername(), created.id(), created.prefix());
        return new CreatedApiToken(created, token);
    }

    /** Revokes one of the user's tokens: it stops working at once. */
    @Transactional
    public void revoke(FlowstateUser owner, long id) {
        int revoked = jdbc.sql("""
                        update api_token set revoked_at = now()
                        where id = ? and user_id = ? and revoked_at is null""")
                .params(id, owner.userId()).update();
        if (revoked == 0) {
            throw new ApiTokenNotFoundException(id);
        }
        touched.remove(id);
        log.info("User '{}' revoked API token {}", owner.getUsername(), id);
    }

    /**
     * The user a presented token acts for, as they are now.
     *
     * @throws BadCredentialsException for a token that is garbled, unknown, revoked or expired
     * @throws DisabledException       when its user is disabled
     */
    public FlowstateUser authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            throw new BadCredentialsException("Not a Flowstate API token");
        }
        // One round trip: the token, its user as they are now, and the user's roles.
        var found = jdbc.sql("""
                        select t.id, t.revoked_at is not null, coalesce(t.expires_at <= now(), false),
                               u.id, u.username, u.password_hash, u.enabled and c.active, u.company_id,
                               u.display_name, array(select r.role from app_user_role r where r.user_id = u.id),
                               u.password_change_required
                        from api_token t join app_user u on u.id = t.user_id join company c on c.id = u.company_id
                        where t.token_hash = ?""")
                .param(hash(token))
                .query((rs, row) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String role : (String[]) rs.getArray(10).getArray()) {
                        roles.add(Role.valueOf(role));
                    }
                    return new Found(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3), new FlowstateUser(
                            rs.getLong(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getLong(8),
                            rs.getString(9), roles, rs.getBoolean(11)));
                })
                .optional()
                .orElseThrow(() -> new BadCredentialsException("Unknown API token"));
        FlowstateUser user = found.user();
        if (found.revoked()) {
            log.info("Refused revoked API token {} of user '{}'", found.id(), user.getUsername());
            throw new BadCredentialsException("This API token was revoked");
        }
        if (found.expired()) {
            log.info("Refused expired API token {} of user '{}'", found.id(), user.getUsername());
            throw new BadCredentialsException("This API token has expired");
        }
        if (!user.isEnabled()) {
            log.info("Refused API token {} of disabled user '{}'", found.id(), user.getUsername());
            throw new DisabledException("The user of this API token is disabled");
        }
        touch(found.id());
        return user;
    }

    /** Records the token's use, at most once a minute per token and node (and once a minute across nodes). */
    private void touch(long id) {
        Instant now = Instant.now();
        Instant last = touched.get(id);
        if (last != null && last.plus(TOUCH_EVERY).isAfter(now)) {
            return;
        }
        touched.put(id, now);
        jdbc.sql("""
                        update api_token set last_used_at = now()
                        where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
                .param(id).update();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Found(long id, boolean revoked, boolean expired, FlowstateUser user) {
    }
}
