package com.flowstate.action.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.ActionFailure;
import com.flowstate.action.HistoryRow;
import com.flowstate.action.Outbound;
import com.flowstate.action.email.RecipientAddresses;
import com.flowstate.flow.ActionAttempt;
import com.flowstate.mail.MailDeliveryException;
import com.flowstate.mail.OutgoingMail;
import com.flowstate.mail.SmtpCredential;
import com.flowstate.mail.SmtpCredentialService;
import com.flowstate.mail.SmtpMailer;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;

/**
 * Fills the report of one action execution and mails it as a .docx attachment, putting on the history row what it
 * resolves as it goes (sender, recipient, then the sent document), so a failed attempt shows how far it got.
 *
 * <p>A transient failure (SMTP down, timeout) and a permanent one (unknown template or account, nobody to send to, a
 * template that cannot be filled, SMTP 5xx) are thrown as {@link ActionFailure}; the action runner decides what they
 * mean. A report that SMTP accepted is stored outside the job's transaction; a retry finds it and records it instead
 * of sending again.
 */
@Service
public class ReportActionService {

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
            .withZone(ReportTexts.ZONE);

    private final OpportunityService opportunities;
    private final ReportTemplateService templates;
    private final SmtpCredentialService credentials;
    private final ReportModel model;
    private final ReportFiller filler;
    private final SmtpMailer mailer;
    private final ReportDocuments documents;
    private final Outbound outbound;

    ReportActionService(OpportunityService opportunities, ReportTemplateService templates,
                        SmtpCredentialService credentials, ReportModel model, ReportFiller filler, SmtpMailer mailer,
                        ReportDocuments documents, Outbound outbound) {
        this.opportunities = opportunities;
        this.templates = templates;
        this.credentials = credentials;
        this.model = model;
        this.filler = filler;
        this.mailer = mailer;
        this.documents = documents;
        this.outbound = outbound;
    }

    /**
     * Runs one attempt: sends the report, or finds the one an earlier attempt of the execution sent.
     *
     * @throws ActionFailure when the report cannot be sent
     */
    @Transactional
    public void send(ActionAttempt attempt, ReportParameters parameters, HistoryRow row) {
        row.put("template_name", nullToEmpty(parameters.reportTemplate()))
                .put("smtp_credential_name", nullToEmpty(parameters.smtpCredential()));
        String key = attempt.executionKey();
        SentReport sent = outbound.once(attempt, row,
                () -> documents.find(key).map(earlier -> new Delivered(earlier, null)),
                () -> deliver(attempt, parameters, row),
                delivered -> documents.record(key, delivered.report(), delivered.document())).report();
        row.put("recipient_email", sent.recipientEmail()).put("from_address", sent.fromAddress())
                .put("subject", sent.subject()).put("file_name", sent.fileName()).put("document_size", sent.size())
                .put("message_id", sent.messageId()).put("sent_at", sent.sentAt());
    }

    private Delivered deliver(ActionAttempt attempt, ReportParameters parameters, HistoryRow row) {
        Opportunity opportunity = opportunities.find(PartnerScope.everything(), attempt.opportunityId())
                .orElseThrow(() -> ActionFailure.permanent("opportunity.gone", "id", attempt.opportunityId()));
        // Sender and recipient first: a row that failed later still shows whom the report was for.
        SmtpCredential credential = credentials.findByName(parameters.smtpCredential())
                .orElseThrow(() -> ActionFailure.permanent("smtp.unknownCredentials",
                        "name", parameters.smtpCredential()));
        row.put("from_address", credential.fromAddress());
        String to = RecipientAddresses.requireValid(RecipientAddresses.of(opportunity, parameters.recipientRole()));
        row.put("recipient_email", to);
        String templateName = parameters.reportTemplate();
        byte[] template = templates.content(templateName)
                .orElseThrow(() -> ActionFailure.permanent("template.unknownReport", "name", templateName));

        Instant now = Instant.now();
        byte[] document;
        try {
            document = filler.fill(template, model.of(opportunity, attempt.action(), now));
        } catch (IllegalArgumentException e) {
            throw ActionFailure.permanent(e, "template.reportNotFilled", "name", templateName,
                    "error", e.getMessage());
        }
        String fileName = fileName(templateName, opportunity.id(), now);
        String subject = ReportTexts.subject(templateName, opportunity.name());
        String messageId = messageId(attempt.executionKey(), credential.fromAddress());
        try {
            mailer.send(credential, new OutgoingMail(messageId, to, List.of(), subject,
                    ReportTexts.bodyHtml(templateName, opportunity.name(), fileName),
                    ReportTexts.bodyText(templateName, opportunity.name(), fileName),
                    List.of(new OutgoingMail.Attachment(fileName, ReportTemplateService.DOCX_CONTENT_TYPE, document))));
        } catch (MailDeliveryException e) {
            throw ActionFailure.of(e);
        }
        return new Delivered(new SentReport(messageId, to, credential.fromAddress(), subject, fileName,
                document.length, now), document);
    }

    /** A report handed to SMTP, with its document when this attempt made it (null when an earlier one did). */
    private record Delivered(SentReport report, byte[] document) {
    }

    /** "scheda-opportunita_42_20250131-1530.docx": which report, of which opportunity, when. */
    static String fileName(String templateName, long opportunityId, Instant at) {
        String safe = templateName.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return (safe.isEmpty() ? "report" : safe) + "_" + opportunityId + "_" + FILE_DATE.format(at) + ".docx";
    }

    static String messageId(String executionKey, String fromAddress) {
        return OutgoingMail.stableMessageId("report", executionKey, fromAddress);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
