package com.flowstate.mail;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import com.flowstate.i18n.Reason;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends one message through one SMTP credential and says, in words a user can act on, why it failed and whether
 * trying again can help.
 */
@Component
public class SmtpMailer {

    static {
        StreamProviderLookup.pin();
    }

    private final MailSenderRegistry senders;

    SmtpMailer(MailSenderRegistry senders) {
        this.senders = senders;
    }

    /** A syntactically valid single address, or a permanent failure naming it. */
    public static String requireValidAddress(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getAddress();
        } catch (AddressException | RuntimeException e) {
            throw new MailDeliveryException(Reason.of("mail.invalidAddress", "address", address), true, e);
        }
    }

    public void send(SmtpCredential credential, OutgoingMail mail) {
        JavaMailSenderImpl sender = senders.senderFor(credential);
        try {
            MimeMessage message = new FixedIdMimeMessage(sender.getSession(), mail.messageId());
            boolean multipart = true;
            MimeMessageHelper helper = new SharedTypesHelper(message, multipart);
            if (credential.fromName() == null || credential.fromName().isBlank()) {
                helper.setFrom(credential.fromAddress());
            } else {
                helper.setFrom(credential.fromAddress(), credential.fromName());
            }
            helper.setTo(mail.to());
            for (String cc : mail.cc()) {
                helper.addCc(cc);
            }
            helper.setSubject(mail.subject());
            helper.setText(mail.bodyText(), mail.bodyHtml());
            for (OutgoingMail.Attachment attachment : mail.attachments()) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            sender.send(message);
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new MailDeliveryException(Reason.of("mail.notBuilt", "error", oneLine(e.getMessage())), true, e);
        } catch (MailException e) {
            throw classify(credential, e);
        }
    }

    static MailDeliveryException classify(SmtpCredential credential, MailException e) {
        String server = "'" + credential.name() + "' (" + credential.host() + ":" + credential.port() + ")";
        // The server is named as the admin configured it; its replies stay parameters, shown as they came.
        if (e instanceof MailAuthenticationException) {
            return new MailDeliveryException(Reason.of("smtp.credentialsRefused", "server", server), true, e);
        }
        Throwable cause = e instanceof MailSendException send && !send.getFailedMessages().isEmpty()
                ? send.getFailedMessages().values().iterator().next() : e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SMTPAddressFailedException address) {
                return new MailDeliveryException(Reason.of("smtp.recipientRefused", "server", server,
                        "recipient", address.getAddress(),
                        "reply", address.getReturnCode() + " " + oneLine(address.getMessage())),
                        address.getReturnCode() >= 500, e);
            }
            if (t instanceof SMTPSendFailedException failed) {
                return new MailDeliveryException(Reason.of("smtp.messageRefused", "server", server,
                        "reply", failed.getReturnCode() + " " + oneLine(failed.getMessage())),
                        failed.getReturnCode() >= 500, e);
            }
            if (t instanceof MailConnectException || t instanceof ConnectException) {
                return new MailDeliveryException(Reason.of("smtp.unreachable", "server", server), false, e);
            }
            if (t instanceof SocketTimeoutException) {
                return new MailDeliveryException(Reason.of("smtp.timeout", "server", server), false, e);
            }
            if (t instanceof UnknownHostException) {
                return new MailDeliveryException(Reason.of("smtp.unknownHost", "server", server), false, e);
            }
            if (t instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0) {
                return new MailDeliveryException(Reason.of("mail.invalidRecipient",
                        "address", sendFailed.getInvalidAddresses()[0]), true, e);
            }
        }
        return new MailDeliveryException(Reason.of("smtp.failed", "server", server, "error", oneLine(e.getMessage())),
                false, e);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** Keeps the caller's Message-ID: Jakarta Mail would otherwise make a new one on every save. */
    /**
     * A helper that looks attachment types up in one shared map. Spring's helper builds a new map for every message
     * that its own sender did not create (ours has a fixed Message-ID), and building one scans the whole class path
     * for activation providers: most of an e-mail action's CPU time, measured by the action-throughput benchmark
     * (decision 0025). The map is read-only once built, so sharing it between threads is safe.
     */
    private static final class SharedTypesHelper extends MimeMessageHelper {

        private static final FileTypeMap TYPES = defaultTypes();

        SharedTypesHelper(MimeMessage message, boolean multipart) throws MessagingException {
            super(message, multipart, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return TYPES;
        }

        private static FileTypeMap defaultTypes() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
    }

    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
