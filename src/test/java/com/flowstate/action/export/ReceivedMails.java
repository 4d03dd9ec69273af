package com.flowstate.action.export;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.awaitility.Awaitility;

import com.flowstate.mail.MailSink;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What the SMTP sink received, read the way a recipient's mail client would: attachments and text. */
final class ReceivedMails {

    private ReceivedMails() {
    }

    record Attachment(String name, byte[] content) {
    }

    static List<MimeMessage> to(MailSink sink, String address) {
        return sink.received().stream().filter(m -> isTo(m, address)).toList();
    }

    /** The messages to the address, once there is at least one (within 30 s). */
    static List<MimeMessage> awaitTo(MailSink sink, String address) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> to(sink, address),
                list -> !list.isEmpty());
    }

    static List<Attachment> attachments(MimeMessage message) throws Exception {
        List<Attachment> found = new ArrayList<>();
        collectAttachments(message, found);
        return found;
    }

    /** The decoded text of every non-attachment text part, plain and HTML. */
    static String text(MimeMessage message) throws Exception {
        StringBuilder text = new StringBuilder();
        collectText(message, text);
        return text.toString();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (Exception e) {
            return false;
        }
    }

    private static void collectAttachments(Part part, List<Attachment> into) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectAttachments(multipart.getBodyPart(i), into);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            part.getInputStream().transferTo(bytes);
            into.add(new Attachment(part.getFileName(), bytes.toByteArray()));
        }
    }

    private static void collectText(Part part, StringBuilder into) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectText(multipart.getBodyPart(i), into);
            }
        } else if (content instanceof String text && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            into.append(text).append('\n');
        }
    }
}
