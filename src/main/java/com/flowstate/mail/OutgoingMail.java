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

    /**
     * A Message-ID that is the same every time for the same key: {@code <kind-key.flowstate@domain of from>}, so a
     * receiver can drop a duplicate.
     *
     * @param kind what sends it ({@code action}, {@code report}, {@code export})
     * @param key  stable for one logical e-mail, e.g. the action execution's key
     */
    public static String stableMessageId(String kind, String key, String fromAddress) {
        int at = fromAddress.lastIndexOf('@');
        String domain = at < 0 ? "flowstate.local" : fromAddress.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<" + kind + "-" + key + ".flowstate@" + domain + ">";
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
