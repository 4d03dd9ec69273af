package com.flowstate.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A local SMTP server (GreenMail) that accepts every message and keeps it in memory, so the demo sends real SMTP
 * without an outside server. What it receives is listed on the demo's mailbox page and logged.
 */
public class MailSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailSink.class);

    private final GreenMail server;

    public MailSink(int port) {
        int bound = port > 0 ? port : freePort();
        this.server = new GreenMail(new ServerSetup(bound, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        log.info("SMTP sink listening on 127.0.0.1:{}", bound);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** Everything received since the start (or the last {@link #clear()}), oldest first. */
    public List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    public void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Could not clear the SMTP sink", e);
        }
    }

    public static String describe(MimeMessage message) {
        try {
            return "'" + message.getSubject() + "' to " + Arrays.toString(message.getAllRecipients());
        } catch (MessagingException e) {
            return message.toString();
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
