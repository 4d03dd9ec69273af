package com.flowstate.directory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditTrail;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.CurrentUser;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.Role;
import com.flowstate.security.UserService;

/**
 * Users as admins run them: create (with a temporary password the user replaces at first sign-in), edit display name,
 * e-mail, roles, company and enabled, reset the password, lift the sign-in throttle's lock. A PARTNER belongs to a
 * partner company and has no other role; the other roles belong to the platform company. Every change is one audit
 * row; the password never is (only whether a change is required).
 */
@Service
public class UserAdminService {

    static final int MAX_USERNAME = 100;
    static final int MAX_DISPLAY_NAME = 200;
    /** The shortest password a user may choose. */
    public static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 200;
    private static final Logger log = LoggerFactory.getLogger(UserAdminService.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3," + MAX_USERNAME + "}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    // No 0/O, 1/l/I: a temporary password is read out or copied by hand.
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final UserService users;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    UserAdminService(JdbcClient jdbc, UserService users, AuditTrail audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    /** A page of users whose username or display name contains the search text (any case), by username. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<UserDetails> list(String search, int offset, int limit) {
        String text = search == null ? "" : search.strip().replace("\0", "");
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(SELECT + """
                        where (:text = '' or u.username ilike :pattern escape '\\'
                               or u.display_name ilike :pattern escape '\\')
                        order by lower(u.username), u.id offset :offset limit :limit""")
                .param("text", text).param("pattern", pattern)
                .param("offset", Math.max(0, offset)).param("limit", Math.max(0, Math.min(limit, 500)))
                .query((rs, n) -> row(rs)).list().stream().map(this::details).toList();
    }

    /** The companies a user can belong to: the platform's and the active partner companies, platform first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<CompanyChoice> companies() {
        return jdbc.sql("""
                        select id, name, kind from company where active
                        order by kind <> 'PLATFORM', lower(name), id""")
                .query((rs, n) -> new CompanyChoice(rs.getLong("id"), rs.getString("name"),
                        CompanyKind.valueOf(rs.getString("kind")))).list();
    }

    /** A company a user can belong to. */
    public record CompanyChoice(long id, String name, CompanyKind kind) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public UserDetails get(long id) {
        return find(id);
    }

    /**
     * Creates a user with a temporary password, which the answer holds once; at their first sign-in the user must
     * choose their own.
     *
     * @throws InvalidInputException naming the field that is missing or wrong
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public TemporaryPassword create(UserRequest request) {
        if (request == null) {
            throw new InvalidInputException("username", "admin.error.required", "is required");
        }
        String username = Text.required("username", request.username(), MAX_USERNAME);
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username", "admin.users.error.username",
                    "must be 3 to " + MAX_USERNAME + " letters, digits or . _ @ -", MAX_USERNAME);
        }
        if (jdbc.sql("select count(*) from app_user where lower(username) = lower(?)").param(username)
                .query(Long.class).single() > 0) {
            throw new InvalidInputException("username", "admin.users.error.usernameTaken",
                    "'" + username + "' is taken", username);
        }
        Valid valid = validate(request, null);
        String temporary = temporaryPassword();
        long id = users.create(username, temporary, valid.displayName(), valid.email(), valid.companyId(),
                valid.roles());
        jdbc.sql("update app_user set password_change_required = true, enabled = ? where id = ?")
                .params(valid.enabled(), id).update();
        UserDetails created = find(id);
        audit.record(AuditArea.USER, username, AuditChange.CREATED, null, audited(created));
        log.info("User '{}' created with roles {} in company {}", username, created.roles(), created.companyName());
        return new TemporaryPassword(created, temporary);
    }

    /**
     * Changes a user's display name, e-mail, roles, company and enabled (the username stays). An admin cannot take
     * their own admin role or disable themselves, so there is always one admin who can undo a change.
     *
     * @throws InvalidInputException naming the field that is wrong
     * @throws NotFoundException     for an unknown id
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserDetails update(long id, UserRequest request) {
        UserDetails before = find(id);
        if (request == null) {
            throw new InvalidInputException("displayName", "admin.error.required", "is required");
        }
        Valid valid = validate(request, before);
        boolean self = CurrentUser.get().map(FlowstateUser::userId).orElse(-1L) == id;
        if (self && !valid.enabled()) {
            throw new InvalidInputException("enabled", "admin.users.error.disableSelf", "you cannot disable yourself");
        }
        if (self && !valid.roles().contains(Role.ADMIN)) {
            throw new InvalidInputException("roles", "admin.users.error.unadminSelf",
                    "you cannot take your own ADMIN role");
        }
        jdbc.sql("update app_user set display_name = ?, email = ?, company_id = ?, enabled = ? where id = ?")
                .params(valid.displayName(), valid.email(), valid.companyId(), valid.enabled(), id).update();
        jdbc.sql("delete from app_user_role where user_id = ?").param(id).update();
        for (Role role : valid.roles()) {
            jdbc.sql("insert into app_user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
        UserDetails after = find(id);
        if (!audited(before).equals(audited(after))) {
            audit.record(AuditArea.USER, after.username(), AuditChange.UPDATED, audited(before), audited(after));
        }
        return after;
    }

    /**
     * Replaces the user's password with a temporary one, which the answer holds once: it lets them sign in once, to
     * choose their own. Their old password stops working at once.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public TemporaryPassword resetPassword(long id) {
        UserDetails before = find(id);
        String temporary = temporaryPassword();
        users.setPassword(id, temporary, true);
        UserDetails after = find(id);
        Map<String, Object> auditBefore = audited(before);
        auditBefore.put("passwordReset", false);
        Map<String, Object> auditAfter = audited(after);
        auditAfter.put("passwordReset", true);
        audit.record(AuditArea.USER, after.username(), AuditChange.UPDATED, auditBefore, auditAfter);
        log.info("Password of user '{}' reset: a new one is required at the next sign-in", after.username());
        return new TemporaryPassword(after, temporary);
    }

    /** Lifts the sign-in throttle's lock on the user; a user who is not locked is left as is. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserDetails unlock(long id) {
        UserDetails before = find(id);
        if (!before.locked()) {
            return before;
        }
        users.unlock(before.username());
        UserDetails after = find(id);
        audit.record(AuditArea.USER, after.username(), AuditChange.UPDATED, Map.of("locked", true),
                Map.of("locked", after.locked()));
        log.info("Sign-in lock of user '{}' lifted", after.username());
        return after;
    }

    /**
     * The signed-in user's own new password after an admin's reset: at least {@value #MIN_PASSWORD} characters, not
     * the current one. Lifts the "choose a new password" requirement. Only then: without a reset pending it would let
     * whoever holds a session change the password without knowing it.
     *
     * @throws InvalidInputException naming {@code newPassword} or {@code repeated}
     * @throws AccessDeniedException when no reset is pending
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void chooseOwnPassword(String newPassword, String repeated) {
        FlowstateUser self = CurrentUser.require();
        if (users.standing(self.userId()) != UserService.Standing.PASSWORD_CHANGE_REQUIRED) {
            throw new AccessDeniedException("No password reset is pending for " + self.getUsername());
        }
        String password = newPassword == null ? "" : newPassword;
        if (password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("newPassword", "admin.password.error.short",
                    "must have at least " + MIN_PASSWORD + " characters", MIN_PASSWORD);
        }
        if (password.length() > MAX_PASSWORD || password.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("newPassword", "admin.password.error.invalid",
                    "must be at most " + MAX_PASSWORD + " characters with no control characters", MAX_PASSWORD);
        }
        if (!password.equals(repeated)) {
            throw new InvalidInputException("repeated", "admin.password.error.repeat", "does not match");
        }
        if (users.passwordMatches(self.userId(), password)) {
            throw new InvalidInputException("newPassword", "admin.password.error.same",
                    "must differ from the current one");
        }
        users.setPassword(self.userId(), password, false);
        audit.record(AuditArea.USER, self.getUsername(), AuditChange.UPDATED,
                Map.of("passwordChangeRequired", true, "passwordChanged", false),
                Map.of("passwordChangeRequired", false, "passwordChanged", true));
        log.info("User '{}' chose a new password", self.getUsername());
    }

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.email, u.company_id, c.name company_name, u.enabled,
                   u.password_change_required,
                   array(select r.role from app_user_role r where r.user_id = u.id order by 1) roles
            from app_user u join company c on c.id = u.company_id
            """;

    private UserDetails find(long id) {
        return jdbc.sql(SELECT + "where u.id = ?").param(id).query((rs, n) -> row(rs)).optional()
                .map(this::details).orElseThrow(() -> new NotFoundException("user", id));
    }

    private static UserDetails row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : (String[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf(role));
        }
        return new UserDetails(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), roles, rs.getLong("company_id"), rs.getString("company_name"),
                rs.getBoolean("enabled"), rs.getBoolean("password_change_required"), 0);
    }

    /** Adds the sign-in throttle's lock, which lives in the security module's table. */
    private UserDetails details(UserDetails user) {
        long locked = users.lockedFor(user.username()).map(Duration::toSeconds).orElse(0L);
        return new UserDetails(user.id(), user.username(), user.displayName(), user.email(), user.roles(),
                user.companyId(), user.companyName(), user.enabled(), user.passwordChangeRequired(), locked);
    }

    private Valid validate(UserRequest request, UserDetails before) {
        String displayName = Text.required("displayName", request.displayName(), MAX_DISPLAY_NAME);
        String email = Text.optional("email", request.email(), PartnerAdminService.MAX_EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "admin.error.email", "is not an e-mail address");
        }
        Set<Role> roles = request.roles();
        if (roles.isEmpty()) {
            throw new InvalidInputException("roles", "admin.users.error.noRole", "at least one role is required");
        }
        if (roles.contains(Role.PARTNER) && roles.size() > 1) {
            throw new InvalidInputException("roles", "admin.users.error.partnerAlone",
                    "PARTNER cannot be combined with another role");
        }
        Long companyId = request.companyId() != null ? request.companyId()
                : before != null ? Long.valueOf(before.companyId()) : null;
        if (companyId == null) {
            throw new InvalidInputException("companyId", "admin.error.required", "is required");
        }
        CompanyKind kind = jdbc.sql("select kind from company where id = ?").param(companyId).query(String.class)
                .optional().map(CompanyKind::valueOf)
                .orElseThrow(() -> new InvalidInputException("companyId", "admin.users.error.unknownCompany",
                        "no company with id " + companyId, companyId));
        boolean partner = roles.contains(Role.PARTNER);
        if (partner && kind == CompanyKind.PLATFORM) {
            throw new InvalidInputException("companyId", "admin.users.error.partnerCompany",
                    "a PARTNER belongs to a partner company (installer or seller)");
        }
        if (!partner && kind != CompanyKind.PLATFORM) {
            throw new InvalidInputException("companyId", "admin.users.error.platformCompany",
                    "ADMIN, DESIGNER and INTERNAL users belong to the platform company");
        }
        boolean enabled = request.enabled() != null ? request.enabled() : before == null || before.enabled();
        return new Valid(displayName, email, roles, companyId, enabled);
    }

    /** What the audit trail keeps of a user: never a password, only whether a new one is required. */
    private static Map<String, Object> audited(UserDetails user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("username", user.username());
        fields.put("displayName", user.displayName());
        fields.put("email", user.email());
        fields.put("roles", new TreeSet<>(user.roles().stream().map(Role::name).toList()));
        fields.put("company", user.companyName());
        fields.put("enabled", user.enabled());
        fields.put("passwordChangeRequired", user.passwordChangeRequired());
        return fields;
    }

    private String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private record Valid(String displayName, String email, Set<Role> roles, long companyId, boolean enabled) {
    }
}
