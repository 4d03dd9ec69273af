package com.flowstate.mail;

import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One cached Jakarta Mail sender per SMTP credential, with connect and read timeouts so that a dead server fails
 * an attempt instead of hanging a job executor thread. A changed credential gets a new sender.
 */
@Component
public class MailSenderRegistry {

    private final SmtpCredentialService credentials;
    private final MailProperties properties;
    private final ConcurrentMap<Long, CachedSender> senders = new ConcurrentHashMap<>();

    MailSenderRegistry(SmtpCredentialService credentials, MailProperties properties) {
        this.credentials = credentials;
        this.properties = properties;
    }

    public JavaMailSenderImpl senderFor(SmtpCredential credential) {
        CachedSender cached = senders.compute(credential.id(), (id, current) ->
                current != null && current.version().equals(credential.updatedAt())
                        ? current : new CachedSender(credential.updatedAt(), build(credential)));
        return cached.sender();
    }

    private JavaMailSenderImpl build(SmtpCredential credential) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(credential.host());
        sender.setPort(credential.port());
        sender.setDefaultEncoding("UTF-8");
        Properties mail = sender.getJavaMailProperties();
        mail.put("mail.smtp.connectiontimeout", Long.toString(properties.connectTimeout().toMillis()));
        mail.put("mail.smtp.timeout", Long.toString(properties.readTimeout().toMillis()));
        mail.put("mail.smtp.writetimeout", Long.toString(properties.readTimeout().toMillis()));
        mail.put("mail.smtp.starttls.enable", Boolean.toString(credential.startTls()));
        if (credential.username() != null && !credential.username().isBlank()) {
            sender.setUsername(credential.username());
            sender.setPassword(credentials.password(credential.id()));
            mail.put("mail.smtp.auth", "true");
        }
        return sender;
    }

    private record CachedSender(java.time.Instant version, JavaMailSenderImpl sender) {
    }
}
