package com.flowstate.mail;

import java.util.List;

/**
 * A message to send. {@code messageId} is fixed by the caller so that the same logical e-mail always carries the
 * same Message-ID, whatever happens to the attempt that sends it.
 */
public record OutgoingMail(String messageId, String to, List<String> cc, String subject, String bodyHtml,
                           String bodyText, List<Attachment> attachments) {

    public OutgoingMail {
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
