package com.flowstate.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditTrail;

/**
 * SMTP credentials as the actions read them; passwords are encrypted before they are stored and are never returned.
 * Admins edit them through {@link SmtpAccountService}.
 */
@Service
public class SmtpCredentialService {

    static final String SELECT = """
            select id, name, host, port, security, username, from_address, from_name, connect_timeout_s,
                   read_timeout_s, password_encrypted is not null as password_set, updated_at
            from smtp_credential
            """;

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final MailProperties properties;
    private final AuditTrail audit;

    SmtpCredentialService(JdbcClient jdbc, SecretCipher cipher, MailProperties properties, AuditTrail audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.properties = properties;
        this.audit = audit;
    }

    /**
     * Creates the credential, or updates the one with the same name: how the demo data and the tests set up their
     * accounts (STARTTLS or none, the configured time-outs). The change is audited like an admin's.
     */
    @Transactional
    public SmtpCredential save(String name, String host, int port, String username, String password,
                               String fromAddress, boolean startTls) {
        Optional<SmtpCredential> before = findByName(name);
        jdbc.sql("""
                        insert into smtp_credential (name, host, port, username, password_encrypted, from_address,
                                                     security, connect_timeout_s, read_timeout_s)
                        values (:name, :host, :port, :username, :password, :from, :security, :connect, :read)
                        on conflict (name) do update set host = excluded.host, port = excluded.port,
                            username = excluded.username, password_encrypted = excluded.password_encrypted,
                            from_address = excluded.from_address, security = excluded.security,
                            connect_timeout_s = excluded.connect_timeout_s, read_timeout_s = excluded.read_timeout_s,
                            updated_at = clock_timestamp()""")
                .param("name", name).param("host", host).param("port", port).param("username", username)
                .param("password", cipher.encrypt(password)).param("from", fromAddress)
                .param("security", (startTls ? SmtpSecurity.STARTTLS : SmtpSecurity.NONE).name())
                .param("connect", seconds(properties.connectTimeout()))
                .param("read", seconds(properties.readTimeout()))
                .update();
        SmtpCredential after = findByName(name).orElseThrow();
        audit.record(AuditArea.SMTP_ACCOUNT, name, before.isEmpty() ? AuditChange.CREATED : AuditChange.UPDATED,
                before.map(SmtpAccountService::audited).orElse(null), SmtpAccountService.audited(after));
        return after;
    }

    @Transactional(readOnly = true)
    public Optional<SmtpCredential> findByName(String name) {
        return jdbc.sql(SELECT + "where name = ?").param(name).query(SmtpCredentialService::row).optional();
    }

    @Transactional(readOnly = true)
    public List<SmtpCredential> findAll() {
        return jdbc.sql(SELECT + "order by name").query(SmtpCredentialService::row).list();
    }

    /** The decrypted password, for building a mail sender only. */
    String password(long credentialId) {
        return cipher.decrypt(jdbc.sql("select password_encrypted from smtp_credential where id = ?")
                .param(credentialId).query(String.class).optional().orElse(null));
    }

    static SmtpCredential row(ResultSet rs, int row) throws SQLException {
        return new SmtpCredential(rs.getLong("id"), rs.getString("name"), rs.getString("host"), rs.getInt("port"),
                SmtpSecurity.valueOf(rs.getString("security")), rs.getString("username"),
                rs.getString("from_address"), rs.getString("from_name"), rs.getInt("connect_timeout_s"),
                rs.getInt("read_timeout_s"), rs.getBoolean("password_set"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static int seconds(Duration duration) {
        return (int) Math.max(1, Math.min(120, (duration.toMillis() + 999) / 1000));
    }
}
