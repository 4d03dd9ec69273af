package com.flowstate.demo.ui;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

import com.flowstate.mail.MailSink;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * What a received message says, read from its MIME parts: every header as received, the first text/plain part and
 * the first text/html part (either may be missing). Attachments are left out: the mailbox shows what was written.
 */
record MailboxMessageContent(List<Header> headers, String text, String html) {

    static MailboxMessageContent of(MimeMessage message) {
        try {
            List<Header> headers = Collections.list(message.getAllHeaders());
            String[] parts = new String[2];
            collect(message, parts);
            return new MailboxMessageContent(headers, parts[0], parts[1]);
        } catch (MessagingException | IOException e) {
            // Still a message the sink received: show what can be said about it.
            return new MailboxMessageContent(List.of(), MailSink.describe(message) + "\n" + e.getMessage(), null);
        }
    }

    /** Depth first, the first plain and the first HTML body part that are not attachments. */
    private static void collect(Part part, String[] parts) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain") && parts[0] == null) {
            parts[0] = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && parts[1] == null) {
            parts[1] = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), parts);
            }
        }
    }
}
