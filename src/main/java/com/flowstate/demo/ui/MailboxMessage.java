package com.flowstate.demo.ui;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.stream.Collectors;

import com.flowstate.mail.MailSink;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A received message as the mailbox grid shows it; read once, so the grid does not parse MIME per cell. */
record MailboxMessage(String subject, String from, String to, Instant sentAt, String messageId, MimeMessage source) {

    static MailboxMessage of(MimeMessage message) {
        try {
            Date sent = message.getSentDate();
            return new MailboxMessage(message.getSubject(), addresses(message.getFrom()),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    sent == null ? null : sent.toInstant(), message.getMessageID(), message);
        } catch (MessagingException e) {
            // A message the sink cannot parse is still one it received: list it by what MailSink can say.
            return new MailboxMessage(MailSink.describe(message), "", "", null, "", message);
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? ""
                : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }
}
