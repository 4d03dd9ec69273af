package com.flowstate.retry;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.action.email.EmailHistoryRow;
import com.flowstate.mail.MailSink;
import com.flowstate.mail.SmtpCredentialService;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.support.EmailHistoryRows;
import com.flowstate.support.TestData;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** E-mails that fail through an SMTP account of their own, which a test can then fix. */
final class RetryEmails {

    private final TestData data;
    private final SmtpCredentialService credentials;
    private final EmailHistoryQuery history;
    private final MailSink sink;

    RetryEmails(TestData data, SmtpCredentialService credentials, EmailHistoryQuery history, MailSink sink) {
        this.data = data;
        this.credentials = credentials;
        this.history = history;
        this.sink = sink;
    }

    /** An SMTP account nobody listens at (connections are refused at once). */
    String deadAccount() {
        data.flowFixtures();
        String name = data.unique("Broken relay");
        credentials.save(name, "127.0.0.1", 9, null, null, "broken@test.example", false);
        return name;
    }

    /** Points the account at the SMTP sink, as an admin fixing its settings would. */
    void fix(String account) {
        credentials.save(account, sink.host(), sink.port(), null, null, "fixed@test.example", false);
    }

    /** Sends the opportunity's "offer-sent" e-mail through the account, and waits until it failed for good. */
    EmailHistoryRow failedEmail(Opportunity opportunity, String account) {
        data.startEmailTestFlow(opportunity, "offer-sent", account, "CUSTOMER", null, false);
        return awaitRow(opportunity, row -> row.state() == com.flowstate.history.ActionStatus.FAILED);
    }

    EmailHistoryRow awaitRow(Opportunity opportunity, Predicate<EmailHistoryRow> condition) {
        return EmailHistoryRows.awaitRow(history, opportunity.id(), "offer-sent", condition);
    }

    List<EmailHistoryRow> rows(Opportunity opportunity) {
        return EmailHistoryRows.of(history, opportunity.id()).stream()
                .filter(row -> row.template().equals("offer-sent")).toList();
    }

    List<MimeMessage> offersTo(Opportunity opportunity) {
        return sink.received().stream().filter(message -> isTo(message, opportunity.customerEmail()))
                .filter(message -> subject(message).startsWith("[offer-sent]")).toList();
    }

    /** Waits a moment longer for anything that should not come. */
    static void settle() {
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    }

    static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (Exception e) {
            return false;
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            return "";
        }
    }
}
