package com.flowstate.mail;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** SMTP credentials; passwords are encrypted before they are stored and are never returned. */
@Service
public class SmtpCredentialService {

    private static final String SELECT =
            "select id, name, host, port, username, from_address, start_tls, updated_at from smtp_credential ";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    SmtpCredentialService(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Creates the credential, or updates the one with the same name. */
    @Transactional
    public SmtpCredential save(String name, String host, int port, String username, String password,
                               String fromAddress, boolean startTls) {
        jdbc.sql("""
                        insert into smtp_credential (name, host, port, username, password_encrypted, from_address, start_tls)
                        values (:name, :host, :port, :username, :password, :from, :startTls)
                        on conflict (name) do update set host = excluded.host, port = excluded.port,
                            username = excluded.username, password_encrypted = excluded.password_encrypted,
                            from_address = excluded.from_address, start_tls = excluded.start_tls, updated_at = now()""")
                .param("name", name).param("host", host).param("port", port).param("username", username)
                .param("password", cipher.encrypt(password)).param("from", fromAddress).param("startTls", startTls)
                .update();
        return findByName(name).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<SmtpCredential> findByName(String name) {
        return jdbc.sql(SELECT + "where name = ?").param(name).query(SmtpCredential.class).optional();
    }

    @Transactional(readOnly = true)
    public List<SmtpCredential> findAll() {
        return jdbc.sql(SELECT + "order by name").query(SmtpCredential.class).list();
    }

    /** The decrypted password, for building a mail sender only. */
    String password(long credentialId) {
        return cipher.decrypt(jdbc.sql("select password_encrypted from smtp_credential where id = ?")
                .param(credentialId).query(String.class).optional().orElse(null));
    }
}
