package com.flowstate.action.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.ActionFailure;
import com.flowstate.action.HistoryRow;
import com.flowstate.action.Outbound;
import com.flowstate.action.TemplateContext;
import com.flowstate.flow.ActionAttempt;
import com.flowstate.i18n.Reason;
import com.flowstate.mail.MailDeliveryException;
import com.flowstate.mail.OutgoingMail;
import com.flowstate.mail.SmtpCredential;
import com.flowstate.mail.SmtpCredentialService;
import com.flowstate.mail.SmtpMailer;
import com.flowstate.opportunity.CustomerLanguages;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.UserService;

/**
 * Sends the e-mail of one action execution. A transient failure (SMTP down, timeout) and a permanent one (unknown
 * template, bad address) are thrown as {@link ActionFailure}; the action runner decides what they mean. The send
 * goes through {@link Outbound}, so a retried or re-run attempt does not send it again.
 */
@Service
public class EmailActionService {

    private final OpportunityService opportunities;
    private final EmailTemplateService templates;
    private final SmtpCredentialService credentials;
    private final UserService users;
    private final EmailRenderer renderer;
    private final SmtpMailer mailer;
    private final EmailDeliveries deliveries;
    private final Outbound outbound;

    EmailActionService(OpportunityService opportunities, EmailTemplateService templates,
                       SmtpCredentialService credentials, UserService users, EmailRenderer renderer,
                       SmtpMailer mailer, EmailDeliveries deliveries, Outbound outbound) {
        this.opportunities = opportunities;
        this.templates = templates;
        this.credentials = credentials;
        this.users = users;
        this.renderer = renderer;
        this.mailer = mailer;
        this.deliveries = deliveries;
        this.outbound = outbound;
    }

    /**
     * Sends the e-mail of one attempt, putting on the history row what it resolves as it goes (recipient, subject,
     * body preview, Message-ID), so a failed attempt shows how far it got.
     */
    @Transactional
    public void send(ActionAttempt attempt, EmailParameters request, HistoryRow row) {
        row.put("template_name", request.template()).put("smtp_credential_name", request.smtpCredential());
        Opportunity opportunity = opportunities.find(PartnerScope.everything(), attempt.opportunityId())
                .orElseThrow(() -> ActionFailure.permanent("opportunity.gone", "id", attempt.opportunityId()));
        EmailTemplate template = templates.findByName(request.template())
                .orElseThrow(() -> ActionFailure.permanent("template.unknownEmail", "name", request.template()));
        SmtpCredential credential = credentials.findByName(request.smtpCredential())
                .orElseThrow(() -> ActionFailure.permanent("smtp.unknownCredentials", "name", request.smtpCredential()));

        String to = validAddress(recipient(opportunity, request.recipientRole()));
        row.put("recipient_email", to);
        List<String> cc = new ArrayList<>();
        extraRecipient(request.extraRecipient()).ifPresent(extra -> cc.add(validAddress(extra)));

        RenderedEmail email;
        try {
            email = renderer.render(template, language(opportunity, request.recipientRole()),
                    TemplateContext.of(opportunity, attempt.action()));
        } catch (IllegalArgumentException e) {
            throw ActionFailure.permanent(e.getMessage(), e);
        }
        row.put("subject", email.subject()).put("body_preview", email.preview());

        String key = attempt.executionKey();
        String messageId = messageId(key, credential.fromAddress());
        var delivery = outbound.once(attempt, row, () -> deliveries.find(key), () -> {
            try {
                mailer.send(credential, new OutgoingMail(messageId, to, cc, email.subject(), email.bodyHtml(),
                        email.bodyText(), List.of()));
            } catch (MailDeliveryException e) {
                throw ActionFailure.of(e);
            }
            return new EmailDeliveries.Delivery(messageId, to);
        }, sent -> deliveries.record(key, sent.messageId(), sent.recipientEmail()));
        row.put("message_id", delivery.messageId()).put("sent_at", Instant.now());
    }

    /**
     * The customer reads the template in their language; partners and internal users get the platform's (Italian).
     * Either falls back to Italian, then any variant the template has.
     */
    private static String language(Opportunity opportunity, String role) {
        boolean customer = role != null && RecipientRole.CUSTOMER.name().equalsIgnoreCase(role.strip());
        return customer ? opportunity.customerLanguage() : CustomerLanguages.DEFAULT;
    }

    private static String recipient(Opportunity opportunity, String role) {
        return RecipientAddresses.of(opportunity, role);
    }

    private Optional<String> extraRecipient(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        var user = users.findByUsername(username.strip())
                .orElseThrow(() -> ActionFailure.permanent("recipient.unknownExtraUser", "name", username));
        return Optional.of(required(user.email(), Reason.of("recipient.userNoEmail", "name", username)));
    }

    private static String required(String value, Reason reasonWhenMissing) {
        if (value == null || value.isBlank()) {
            throw ActionFailure.permanent(reasonWhenMissing);
        }
        return value;
    }

    private static String validAddress(String address) {
        return RecipientAddresses.requireValid(address);
    }

    static String messageId(String executionKey, String fromAddress) {
        return OutgoingMail.stableMessageId("action", executionKey, fromAddress);
    }
}
