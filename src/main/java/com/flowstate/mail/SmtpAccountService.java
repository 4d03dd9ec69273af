package com.flowstate.mail;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditTrail;
import com.flowstate.i18n.Reason;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * SMTP accounts as admins manage them (issue 11): create, edit, delete (refused while a deployed flow or an export
 * template names the account) and test the connection. Every change is audited; the password is write-only: it is
 * encrypted on the way in, never read back, and an edit without one keeps the stored one.
 */
@Service
public class SmtpAccountService {

    static final int MAX_NAME = 100;
    static final int MAX_HOST = 253;
    static final int MAX_TEXT = 254;
    static final int MAX_PASSWORD = 1000;
    static final int MAX_CONNECT_TIMEOUT = 120;
    static final int MAX_READ_TIMEOUT = 600;

    private static final Logger log = LoggerFactory.getLogger(SmtpAccountService.class);
    // A DNS name (labels of letters, digits and inner hyphens) or an IPv4 address; an IPv6 literal as Jakarta Mail
    // takes it (hex digits and colons).
    private static final Pattern HOST = Pattern.compile(
            "(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?|[0-9a-f:.]+");

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final MailSenderRegistry senders;
    private final AuditTrail audit;
    private final List<SmtpAccountUsage> usages;

    SmtpAccountService(JdbcClient jdbc, SecretCipher cipher, MailSenderRegistry senders, AuditTrail audit,
                       List<SmtpAccountUsage> usages) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.senders = senders;
        this.audit = audit;
        this.usages = usages;
    }

    /** A page of the accounts, by name. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<SmtpCredential> list(int offset, int limit) {
        return jdbc.sql(SmtpCredentialService.SELECT + "order by name, id offset ? limit ?")
                .params(Math.max(0, offset), Math.max(0, Math.min(limit, 500)))
                .query(SmtpCredentialService::row).list();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public int count() {
        return jdbc.sql("select count(*) from smtp_credential").query(Integer.class).single();
    }

    /**
     * One account.
     *
     * @throws SmtpAccountNotFoundException when there is none with this id
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public SmtpCredential get(long id) {
        return find(id, false).orElseThrow(() -> new SmtpAccountNotFoundException(id));
    }

    /**
     * Creates an account.
     *
     * @throws SmtpAccountInvalidException naming each refused field
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public SmtpCredential create(SmtpAccountSettings settings) {
        SmtpAccountSettings valid = validate(settings, null);
        long id;
        try {
            id = jdbc.sql("""
                            insert into smtp_credential (name, host, port, security, username, password_encrypted,
                                                         from_address, from_name, connect_timeout_s, read_timeout_s)
                            values (:name, :host, :port, :security, :username, :password, :from, :fromName,
                                    :connect, :read)
                            returning id""")
                    .paramSource(parameters(valid).addValue("password", cipher.encrypt(valid.password())))
                    .query(Long.class).single();
        } catch (DuplicateKeyException taken) {
            throw nameTaken(valid.name());
        }
        SmtpCredential created = find(id, false).orElseThrow();
        audit.record(AuditArea.SMTP_ACCOUNT, created.name(), AuditChange.CREATED, null, audited(created));
        log.info("SMTP account '{}' created ({}:{})", created.name(), created.host(), created.port());
        return created;
    }

    /**
     * Changes an account; the next e-mail sent through it uses the new settings. An empty password keeps the stored
     * one.
     *
     * @throws SmtpAccountNotFoundException when there is none with this id
     * @throws SmtpAccountInvalidException  naming each refused field
     * @throws SmtpAccountInUseException    for a new name while flows or export templates name the old one
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public SmtpCredential update(long id, SmtpAccountSettings settings) {
        SmtpCredential before = find(id, true).orElseThrow(() -> new SmtpAccountNotFoundException(id));
        SmtpAccountSettings valid = validate(settings, before);
        if (!valid.name().equals(before.name())) {
            List<SmtpAccountUse> uses = usesOf(before.name());
            if (!uses.isEmpty()) {
                throw new SmtpAccountInUseException(before.name(), uses);
            }
        }
        boolean newPassword = valid.password() != null && !valid.password().isEmpty();
        boolean noUsername = valid.username() == null;
        try {
            jdbc.sql("""
                            update smtp_credential set name = :name, host = :host, port = :port, security = :security,
                                username = :username, from_address = :from, from_name = :fromName,
                                connect_timeout_s = :connect, read_timeout_s = :read,
                                password_encrypted = case when cast(:clear as boolean) then null when cast(:replace as boolean) then cast(:password as text)
                                                          else password_encrypted end,
                                updated_at = clock_timestamp()
                            where id = :id""")
                    .paramSource(parameters(valid).addValue("id", id).addValue("clear", noUsername)
                            .addValue("replace", newPassword)
                            .addValue("password", newPassword ? cipher.encrypt(valid.password()) : null))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw nameTaken(valid.name());
        }
        SmtpCredential after = find(id, false).orElseThrow();
        Map<String, Object> changed = audited(after);
        changed.put("passwordChanged", newPassword || (noUsername && before.passwordSet()));
        audit.record(AuditArea.SMTP_ACCOUNT, after.name(), AuditChange.UPDATED, audited(before), changed);
        log.info("SMTP account '{}' changed ({}:{}{})", after.name(), after.host(), after.port(),
                newPassword ? ", new password" : "");
        return after;
    }

    /**
     * Deletes an account nothing uses.
     *
     * @throws SmtpAccountNotFoundException when there is none with this id
     * @throws SmtpAccountInUseException    naming the deployed flows and export templates that send through it
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void delete(long id) {
        SmtpCredential before = find(id, true).orElseThrow(() -> new SmtpAccountNotFoundException(id));
        List<SmtpAccountUse> uses = usesOf(before.name());
        if (!uses.isEmpty()) {
            log.info("SMTP account '{}' not deleted: in use by {}", before.name(), uses);
            throw new SmtpAccountInUseException(before.name(), uses);
        }
        jdbc.sql("delete from smtp_credential where id = ?").param(id).update();
        audit.record(AuditArea.SMTP_ACCOUNT, before.name(), AuditChange.DELETED, audited(before), null);
        senders.evict(id);
        log.info("SMTP account '{}' deleted", before.name());
    }

    /** What names the account: deployed flows' latest versions and export templates. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<SmtpAccountUse> usesOf(String accountName) {
        List<SmtpAccountUse> uses = new ArrayList<>();
        usages.forEach(usage -> uses.addAll(usage.usesOf(accountName)));
        return uses;
    }

    /**
     * Connects to the account's server with its saved settings, authenticates when it has a username, and sends a
     * test message when a recipient is given. A failure is an answer, not an error: its reason says what went wrong
     * in the reader's language, and the server's last reply is kept as it came.
     *
     * @throws SmtpAccountNotFoundException when there is none with this id
     * @throws SmtpAccountInvalidException  for a recipient that is not an e-mail address
     */
    @PreAuthorize("hasRole('ADMIN')")
    public SmtpTestResult test(long id, String recipient) {
        SmtpCredential account = find(id, false).orElseThrow(() -> new SmtpAccountNotFoundException(id));
        InternetAddress to = null;
        if (recipient != null && !recipient.isBlank()) {
            to = address(recipient.strip()).orElseThrow(() -> new SmtpAccountInvalidException(
                    Map.of("recipient", Reason.of("smtpAccount.invalidAddress", "address", clip(recipient)))));
        }
        String server = account.host() + ":" + account.port();
        JavaMailSenderImpl sender = senders.senderFor(account);
        Transport transport = null;
        try {
            transport = sender.getSession().getTransport(sender.getProtocol());
            transport.connect(account.host(), account.port(), sender.getUsername(), sender.getPassword());
            String reply = lastReply(transport);
            if (to != null) {
                MimeMessage message = new MimeMessage(sender.getSession());
                message.setFrom(from(account));
                message.setRecipient(Message.RecipientType.TO, to);
                message.setSubject("Flowstate: test message of SMTP account '" + account.name() + "'", "UTF-8");
                message.setText("This message tests the SMTP account '" + account.name() + "' (" + server
                        + "). Nothing needs to be done.", "UTF-8");
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
                reply = reply + " / " + lastReply(transport);
            }
            log.info("SMTP account '{}' tested: {}{}", account.name(), reply, to == null ? "" : " (message sent)");
            return new SmtpTestResult(server, true, to != null, reply, null);
        } catch (AuthenticationFailedException refused) {
            return failed(account, server, transport, SmtpMailer.classify(account,
                    new MailAuthenticationException(refused)).reason());
        } catch (MessagingException | UnsupportedEncodingException e) {
            return failed(account, server, transport, SmtpMailer.classify(account,
                    new MailSendException(String.valueOf(e.getMessage()), e)).reason());
        } finally {
            close(transport);
        }
    }

    private SmtpTestResult failed(SmtpCredential account, String server, Transport transport, Reason reason) {
        String reply = lastReply(transport);
        log.info("SMTP account '{}' test failed: {}{}", account.name(), reason.text(),
                reply.isEmpty() ? "" : " (last reply: " + reply + ")");
        return new SmtpTestResult(server, false, false, reply, reason);
    }

    private static String lastReply(Transport transport) {
        String reply = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : null;
        return reply == null ? "" : reply.replaceAll("\\s+", " ").strip();
    }

    private static void close(Transport transport) {
        if (transport != null && transport.isConnected()) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // The test's outcome is known; a failing QUIT changes nothing.
            }
        }
    }

    private static InternetAddress from(SmtpCredential account) throws UnsupportedEncodingException,
            AddressException {
        return account.fromName() == null ? new InternetAddress(account.fromAddress(), true)
                : new InternetAddress(account.fromAddress(), account.fromName(), "UTF-8");
    }

    /** The fields the audit trail keeps: everything but the password, of which only whether one is set. */
    static Map<String, Object> audited(SmtpCredential account) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", account.name());
        fields.put("host", account.host());
        fields.put("port", account.port());
        fields.put("security", account.security().name());
        fields.put("username", account.username());
        fields.put("passwordSet", account.passwordSet());
        fields.put("fromAddress", account.fromAddress());
        fields.put("fromName", account.fromName());
        fields.put("connectTimeoutSeconds", account.connectTimeoutSeconds());
        fields.put("readTimeoutSeconds", account.readTimeoutSeconds());
        return fields;
    }

    private Optional<SmtpCredential> find(long id, boolean forUpdate) {
        return jdbc.sql(SmtpCredentialService.SELECT + "where id = ?" + (forUpdate ? " for update" : ""))
                .param(id).query(SmtpCredentialService::row).optional();
    }

    /**
     * The settings stripped, empty texts as null, or every refused field with its reason. The name is unique among
     * the other accounts.
     */
    private SmtpAccountSettings validate(SmtpAccountSettings settings, SmtpCredential current) {
        if (settings == null) {
            throw new SmtpAccountInvalidException(Map.of("name", Reason.of("smtpAccount.required")));
        }
        Map<String, Reason> errors = new LinkedHashMap<>();
        String name = text(errors, "name", settings.name(), MAX_NAME, true);
        String host = text(errors, "host", settings.host(), MAX_HOST, true);
        if (host != null && !HOST.matcher(host).matches()) {
            errors.put("host", Reason.of("smtpAccount.invalidHost", "host", host));
        }
        if (settings.port() == null) {
            errors.put("port", Reason.of("smtpAccount.required"));
        } else if (settings.port() < 1 || settings.port() > 65535) {
            errors.put("port", Reason.of("smtpAccount.portRange"));
        }
        if (settings.security() == null) {
            errors.put("security", Reason.of("smtpAccount.required"));
        }
        String username = text(errors, "username", settings.username(), MAX_TEXT, false);
        String password = settings.password();
        if (password != null && password.length() > MAX_PASSWORD) {
            errors.put("password", Reason.of("smtpAccount.tooLong", "max", MAX_PASSWORD));
        } else if (password != null && password.chars().anyMatch(c -> c == 0 || c == '\r' || c == '\n')) {
            errors.put("password", Reason.of("smtpAccount.controlCharacter"));
        } else if (password != null && !password.isEmpty() && username == null && !errors.containsKey("username")) {
            errors.put("username", Reason.of("smtpAccount.passwordWithoutUsername"));
        }
        String fromAddress = text(errors, "fromAddress", settings.fromAddress(), MAX_TEXT, true);
        if (fromAddress != null && address(fromAddress).isEmpty()) {
            errors.put("fromAddress", Reason.of("smtpAccount.invalidAddress", "address", fromAddress));
        }
        String fromName = text(errors, "fromName", settings.fromName(), MAX_TEXT, false);
        timeout(errors, "connectTimeoutSeconds", settings.connectTimeoutSeconds(), MAX_CONNECT_TIMEOUT);
        timeout(errors, "readTimeoutSeconds", settings.readTimeoutSeconds(), MAX_READ_TIMEOUT);
        if (name != null && !errors.containsKey("name")) {
            boolean taken = jdbc.sql("select exists (select 1 from smtp_credential where name = ? and id <> ?)")
                    .params(name, current == null ? -1 : current.id()).query(Boolean.class).single();
            if (taken) {
                errors.put("name", Reason.of("smtpAccount.nameTaken", "name", name));
            }
        }
        if (!errors.isEmpty()) {
            log.info("SMTP account {} refused: {}", current == null ? "not created" : "'" + current.name()
                    + "' not changed", errors.keySet());
            throw new SmtpAccountInvalidException(errors);
        }
        return new SmtpAccountSettings(name, host, settings.port(), settings.security(), username, password,
                fromAddress, fromName, settings.connectTimeoutSeconds(), settings.readTimeoutSeconds());
    }

    private static String text(Map<String, Reason> errors, String field, String value, int max, boolean required) {
        String stripped = value == null ? null : value.strip();
        if (stripped == null || stripped.isEmpty()) {
            if (required) {
                errors.put(field, Reason.of("smtpAccount.required"));
            }
            return null;
        }
        if (stripped.length() > max) {
            errors.put(field, Reason.of("smtpAccount.tooLong", "max", max));
            return null;
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            errors.put(field, Reason.of("smtpAccount.controlCharacter"));
            return null;
        }
        return stripped;
    }

    private static void timeout(Map<String, Reason> errors, String field, Integer seconds, int max) {
        if (seconds == null) {
            errors.put(field, Reason.of("smtpAccount.required"));
        } else if (seconds < 1 || seconds > max) {
            errors.put(field, Reason.of("smtpAccount.timeoutRange", "min", 1, "max", max));
        }
    }

    private static Optional<InternetAddress> address(String text) {
        try {
            InternetAddress parsed = new InternetAddress(text, true);
            parsed.validate();
            String address = parsed.getAddress();
            int at = address.indexOf('@');
            return at > 0 && at < address.length() - 1 && parsed.getPersonal() == null
                    ? Optional.of(parsed) : Optional.empty();
        } catch (AddressException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String clip(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    private static SmtpAccountInvalidException nameTaken(String name) {
        return new SmtpAccountInvalidException(Map.of("name", Reason.of("smtpAccount.nameTaken", "name", name)));
    }

    private static MapSqlParameterSource parameters(SmtpAccountSettings valid) {
        return new MapSqlParameterSource()
                .addValue("name", valid.name()).addValue("host", valid.host()).addValue("port", valid.port())
                .addValue("security", valid.security().name()).addValue("username", valid.username())
                .addValue("from", valid.fromAddress()).addValue("fromName", valid.fromName())
                .addValue("connect", valid.connectTimeoutSeconds()).addValue("read", valid.readTimeoutSeconds());
    }
}
