package com.flowstate.mail;

import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One cached Jakarta Mail sender per SMTP credential, with the account's connect and read time-outs so that a dead
 * server fails an attempt instead of hanging a job executor thread. An edited credential has a new
 * {@code updatedAt}, so the next e-mail builds a new sender: no node keeps sending through the old settings.
 */
@Component
public class MailSenderRegistry {

    private final SmtpCredentialService credentials;
    private final ConcurrentMap<Long, CachedSender> senders = new ConcurrentHashMap<>();

    MailSenderRegistry(SmtpCredentialService credentials) {
        this.credentials = credentials;
    }

    public JavaMailSenderImpl senderFor(SmtpCredential credential) {
        CachedSender cached = senders.compute(credential.id(), (id, current) ->
                current != null && current.version().equals(credential.updatedAt())
                        ? current : new CachedSender(credential.updatedAt(), build(credential)));
        return cached.sender();
    }

    /** Forgets a deleted account's sender. */
    void evict(long credentialId) {
        senders.remove(credentialId);
    }

    private JavaMailSenderImpl build(SmtpCredential credential) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(credential.host());
        sender.setPort(credential.port());
        sender.setDefaultEncoding("UTF-8");
        String protocol = credential.security() == SmtpSecurity.SSL_TLS ? "smtps" : "smtp";
        sender.setProtocol(protocol);
        Properties mail = sender.getJavaMailProperties();
        String prefix = "mail." + protocol + ".";
        mail.put(prefix + "connectiontimeout", Long.toString(credential.connectTimeoutSeconds() * 1000L));
        mail.put(prefix + "timeout", Long.toString(credential.readTimeoutSeconds() * 1000L));
        mail.put(prefix + "writetimeout", Long.toString(credential.readTimeoutSeconds() * 1000L));
        if (credential.security() == SmtpSecurity.STARTTLS) {
            mail.put(prefix + "starttls.enable", "true");
            // Chosen on purpose: a server that does not offer STARTTLS fails the send instead of getting it in clear.
            mail.put(prefix + "starttls.required", "true");
        }
        if (credential.security() != SmtpSecurity.NONE) {
            mail.put(prefix + "ssl.checkserveridentity", "true");
        }
        if (credential.username() != null && !credential.username().isBlank()) {
            sender.setUsername(credential.username());
            sender.setPassword(credentials.password(credential.id()));
            mail.put(prefix + "auth", "true");
        }
        return sender;
    }

    private record CachedSender(Instant version, JavaMailSenderImpl sender) {
    }
}
