package com.flowstate.fault;

import java.util.Map;
import java.util.TreeMap;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP server the nodes' working account ("Platform SMTP") delivers to. It lives in the test's JVM, so it
 * outlives any node's crash and sees every delivery exactly as it happened, duplicates included.
 */
final class FaultMailbox implements AutoCloseable {

    private final GreenMail server;
    private final int port;

    FaultMailbox() {
        // One INFO line per new mailbox (every recipient) is noise in the test's output.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        this.port = AppProcess.freePort();
        this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
    }

    int port() {
        return port;
    }

    /** How many times each Message-ID was delivered. */
    Map<String, Integer> deliveries() {
        Map<String, Integer> counts = new TreeMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                counts.merge(String.valueOf(message.getMessageID()), 1, Integer::sum);
            } catch (MessagingException e) {
                counts.merge("(unreadable: " + e.getMessage() + ")", 1, Integer::sum);
            }
        }
        return counts;
    }

    @Override
    public void close() {
        server.stop();
    }
}
