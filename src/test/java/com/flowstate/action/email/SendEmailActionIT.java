package com.flowstate.action.email;

import static com.flowstate.support.EmailHistoryRows.awaitRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.flowstate.history.ActionStatus;
import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.action.email.EmailHistoryRow;
import com.flowstate.mail.MailSink;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.EmailHistoryRows;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

@IntegrationTest
class SendEmailActionIT {

    @Autowired TestData data;
    @Autowired MailSink sink;
    @Autowired EmailHistoryQuery history;
    @Autowired OpportunityService opportunities;

    @Test
    void sendsTheRenderedEmailToTheCustomerWhenTheFirstSubstateOpens() throws Exception {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), data.partner(CompanyKind.SELLER));

        EmailHistoryRow row = awaitRow(history, opportunity.id(), "welcome", r -> r.state() == ActionStatus.SUCCEEDED);

        MimeMessage message = onlyMessageTo(opportunity.customerEmail());
        assertThat(message.getSubject()).isEqualTo("[welcome] " + opportunity.customerName() + " – " + opportunity.name());
        assertThat(message.getFrom()[0].toString()).isEqualTo("crm@test.example");
        assertThat(message.getMessageID()).isEqualTo(row.messageId()).startsWith("<action-");
        assertThat(row.status()).isTrue();
        assertThat(row.recipientEmail()).isEqualTo(opportunity.customerEmail());
        assertThat(row.smtpCredential()).isEqualTo(TestData.WORKING_SMTP);
        assertThat(row.substateName()).isEqualTo("Nuovo contatto");
        assertThat(row.trigger()).isEqualTo("OPEN");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
    }

    @Test
    void retriesWhileTheSmtpServerIsDownThenRecordsFalseAndTheFlowGoesOn() {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), data.partner(CompanyKind.SELLER));
        closeWhenOpen(opportunity, "NewContact");
        closeWhenOpen(opportunity, "SiteSurvey"); // its on-close e-mail goes through the dead "Legacy relay"

        EmailHistoryRow failed = awaitRow(history, opportunity.id(), "site-survey-done",
                r -> r.state() == ActionStatus.FAILED);
        assertThat(failed.status()).isFalse();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("Legacy relay").contains("unreachable");
        assertThat(failed.smtpCredential()).isEqualTo(TestData.DEAD_SMTP);
        assertThat(failed.trigger()).isEqualTo("CLOSE");

        // The failed e-mail did not block the flow: the next substate opens and can be closed.
        closeWhenOpen(opportunity, "DocumentsPending");
        awaitRow(history, opportunity.id(), "documents-received", r -> r.state() == ActionStatus.SUCCEEDED);
    }

    @Test
    void sendsExactlyOnceWhenTheJobIsRetriedAfterAFailedCommit() throws Exception {
        Opportunity opportunity = data.opportunity(null, null);
        awaitRow(history, opportunity.id(), "welcome", r -> r.state() == ActionStatus.SUCCEEDED);

        data.startEmailTestFlow(opportunity, "documents-request", TestData.WORKING_SMTP, "CUSTOMER", null, true);

        EmailHistoryRow row = awaitRow(history, opportunity.id(), "documents-request",
                r -> r.state() == ActionStatus.SUCCEEDED);
        assertThat(row.attempts()).isEqualTo(2);
        List<MimeMessage> sent = messagesTo(opportunity.customerEmail()).stream()
                .filter(m -> subject(m).startsWith("[documents-request]")).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getMessageID()).isEqualTo(row.messageId());
        assertThat(EmailHistoryRows.of(history, opportunity.id()).stream()
                .filter(r -> r.template().equals("documents-request"))).hasSize(1);
    }

    @Test
    void sendsTheScheduledReminderAfterItsDelay() throws Exception {
        String owner = data.internalUser();
        Opportunity opportunity = data.opportunity(null, null, owner);

        EmailHistoryRow reminder = awaitRow(history, opportunity.id(), "follow-up-reminder",
                r -> r.state() == ActionStatus.SUCCEEDED);

        assertThat(reminder.trigger()).isEqualTo("SCHEDULED");
        assertThat(reminder.recipientEmail()).isEqualTo(opportunity.ownerEmail());
        assertThat(Duration.between(reminder.createdAt(), reminder.sentAt())).isLessThan(Duration.ofSeconds(20));
        assertThat(messagesTo(opportunity.ownerEmail())).anyMatch(m -> subject(m).startsWith("[follow-up-reminder]"));
    }

    @Test
    void anUnknownTemplateFailsAtOnceWithItsName() {
        Opportunity opportunity = data.opportunity(null, null);

        data.startEmailTestFlow(opportunity, "no-such-template", TestData.WORKING_SMTP, "CUSTOMER", null, false);

        EmailHistoryRow row = awaitRow(history, opportunity.id(), "no-such-template",
                r -> r.state() == ActionStatus.FAILED);
        assertThat(row.status()).isFalse();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isEqualTo("Unknown e-mail template 'no-such-template'");
    }

    @Test
    void anInvalidRecipientAddressFailsAtOnceWithTheAddress() {
        Opportunity opportunity = data.opportunity(null, null);
        data.setCustomerEmail(opportunity, "mario.rossi@@posta");

        data.startEmailTestFlow(opportunity, "offer-sent", TestData.WORKING_SMTP, "CUSTOMER", null, false);

        EmailHistoryRow row = awaitRow(history, opportunity.id(), "offer-sent", r -> r.state() == ActionStatus.FAILED);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isEqualTo("Invalid recipient address 'mario.rossi@@posta'");
    }

    @Test
    void aMissingInstallerFailsWithAReasonInsteadOfAStackTrace() {
        Opportunity opportunity = data.opportunity(null, data.partner(CompanyKind.SELLER));
        closeWhenOpen(opportunity, "NewContact");

        EmailHistoryRow row = awaitRow(history, opportunity.id(), "site-survey-request",
                r -> r.state() == ActionStatus.FAILED);
        assertThat(row.lastError()).isEqualTo("No installer is assigned to the opportunity");
    }

    private void closeWhenOpen(Opportunity opportunity, String substate) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                opportunities.openSubstates(PartnerScope.everything(), opportunity.id()).stream()
                        .anyMatch(s -> s.key().equals(substate)));
        SystemAuthentication.runAs(data.admin(),
                () -> opportunities.closeSubstate(PartnerScope.everything(), opportunity.id(), substate));
    }

    private MimeMessage onlyMessageTo(String address) {
        List<MimeMessage> messages = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> messagesTo(address), list -> !list.isEmpty());
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private List<MimeMessage> messagesTo(String address) {
        return sink.received().stream().filter(m -> isTo(m, address)).toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
