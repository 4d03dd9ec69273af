package com.flowstate.action.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.ActionFailure;
import com.flowstate.action.HistoryRow;
import com.flowstate.action.Outbound;
import com.flowstate.flow.ActionAttempt;
import com.flowstate.i18n.Reason;
import com.flowstate.mail.MailDeliveryException;
import com.flowstate.mail.OutgoingMail;
import com.flowstate.mail.SmtpCredential;
import com.flowstate.mail.SmtpCredentialService;
import com.flowstate.mail.SmtpMailer;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;

/**
 * Runs one export execution: resolves the template and its recipient (which fixes the partner scope), streams the
 * file, keeps it for download and e-mails it (attached, or linked when larger than the attachment limit), putting
 * what it learns on the execution's Exports tab row.
 *
 * <p>A transient failure (SMTP down, database unavailable) and a permanent one (unknown template, recipient or
 * account) are thrown as {@link ActionFailure}; the action runner decides what they mean. The file is kept and the
 * hand-over to SMTP remembered outside the job's transaction, so a retry reuses the file and never sends it twice.
 */
@Service
public class ExportActionService {

    private static final Logger log = LoggerFactory.getLogger(ExportActionService.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private final ExportTemplateService templates;
    private final OpportunityService opportunities;
    private final SmtpCredentialService credentials;
    private final ExportRecipients recipients;
    private final ExportGenerator generator;
    private final ExportFiles files;
    private final SmtpMailer mailer;
    private final ExportRecords records;
    private final ExportProperties properties;
    private final Outbound outbound;

    ExportActionService(ExportTemplateService templates, OpportunityService opportunities,
                        SmtpCredentialService credentials, ExportRecipients recipients, ExportGenerator generator,
                        ExportFiles files, SmtpMailer mailer, ExportRecords records, ExportProperties properties,
                        Outbound outbound) {
        this.templates = templates;
        this.opportunities = opportunities;
        this.credentials = credentials;
        this.recipients = recipients;
        this.generator = generator;
        this.files = files;
        this.mailer = mailer;
        this.records = records;
        this.properties = properties;
        this.outbound = outbound;
    }

    /**
     * Runs one attempt, putting on the history row what it resolves as it goes (template details, recipient, file,
     * delivery), so a failed attempt shows how far it got. A scheduled export (no opportunity) gets its row here:
     * the engine tracks only opportunities' flows.
     */
    @Transactional
    public void run(ActionAttempt attempt, String templateName, HistoryRow row) {
        if (attempt.opportunityId() == null) {
            records.ensureScheduledRow(attempt, templateName);
        }
        row.put("template_name", templateName);
        if (templateName == null || templateName.isBlank()) {
            throw ActionFailure.permanent("template.noExport");
        }
        ExportTemplate template = templates.findByName(templateName)
                .orElseThrow(() -> ActionFailure.permanent("template.unknownExport", "name", templateName));
        templateColumns(template).forEach(row::put);
        Optional<Opportunity> opportunity = Optional.ofNullable(attempt.opportunityId()).map(id ->
                opportunities.find(PartnerScope.everything(), id)
                        .orElseThrow(() -> ActionFailure.permanent("opportunity.gone", "id", id)));
        ExportRecipient recipient = recipients.resolve(template.recipient(), opportunity);
        row.put("recipient_email", recipient.email());
        if (recipient.scopeCompanyId() != null) {
            row.put("scope_company_id", recipient.scopeCompanyId());
        }
        SmtpCredential credential = credentials.findByName(template.smtpCredentialName())
                .orElseThrow(() -> ActionFailure.permanent("smtp.unknownCredentials",
                        "name", template.smtpCredentialName()));
        String executionKey = attempt.executionKey();
        long historyId = records.idOf(executionKey)
                .orElseThrow(() -> new IllegalStateException("Export " + executionKey + " has no history row"));

        StoredExportFile file = files.forHistory(historyId)
                .orElseGet(() -> generateAndStore(template, recipient, historyId));
        row.put("row_count", file.rowCount()).put("file_size", file.fileSize()).put("file_name", file.fileName());

        String messageId = messageId(executionKey, credential.fromAddress());
        boolean attach = file.fileSize() <= properties.attachLimit().toBytes();
        var delivery = outbound.once(attempt, row, () -> records.findDelivery(executionKey), () -> {
            OutgoingMail mail = attach
                    ? ExportMail.attached(messageId, recipient.email(), template, file, files.readAll(file))
                    : ExportMail.linked(messageId, recipient.email(), template, file, downloadUrl(historyId));
            try {
                mailer.send(credential, mail);
            } catch (MailDeliveryException e) {
                throw ActionFailure.of(e);
            }
            return new ExportRecords.Delivery(messageId, recipient.email(),
                    attach ? ExportDelivery.ATTACHED : ExportDelivery.LINKED);
        }, sent -> records.recordDelivery(executionKey, sent.messageId(), sent.recipientEmail(), sent.delivery()));
        sent(row, delivery.messageId(), delivery.delivery());
    }

    /** The history columns a template fixes: known when the execution is scheduled if the model names it. */
    static Map<String, Object> templateColumns(ExportTemplate template) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("export_type", template.exportType().name());
        columns.put("extension", template.extension().name());
        columns.put("recipient", template.recipient());
        columns.put("smtp_credential_name", template.smtpCredentialName());
        return columns;
    }

    private static void sent(HistoryRow row, String messageId, ExportDelivery delivery) {
        row.put("message_id", messageId).put("delivery", delivery.name()).put("sent_at", Instant.now());
    }

    private StoredExportFile generateAndStore(ExportTemplate template, ExportRecipient recipient, long historyId) {
        String fileName = fileName(template);
        Path temp = null;
        try {
            temp = Files.createTempFile("flowstate-export-", "." + template.extension().fileSuffix());
            var generated = generator.generate(template, recipient.scope(), temp);
            return files.store(historyId, fileName, template.extension(), generated.rows(), temp);
        } catch (IOException | UncheckedIOException e) {
            throw ActionFailure.transientFailure(e, "export.fileNotWritten", "error", e.getMessage());
        } catch (DataAccessException e) {
            throw classify(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** A query the database refuses stays refused; a lost or busy database may come back. */
    private static ActionFailure classify(DataAccessException e) {
        Reason reason = Reason.of("export.queryFailed", "error", e.getMostSpecificCause().getMessage());
        return e instanceof NonTransientDataAccessException && !(e instanceof DataAccessResourceFailureException)
                ? ActionFailure.permanent(reason, e) : ActionFailure.transientFailure(reason, e);
    }

    private String downloadUrl(long historyId) {
        return properties.baseUrl() + "/api/history/exports/" + historyId + "/file";
    }

    private static String fileName(ExportTemplate template) {
        String base = template.name().strip().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (base.isEmpty() ? "export" : base) + "-" + FILE_TIME.format(LocalDateTime.now(ZONE)) + "."
                + template.extension().fileSuffix();
    }

    static String messageId(String executionKey, String fromAddress) {
        return OutgoingMail.stableMessageId("export", executionKey, fromAddress);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary export file {}: {}", file, e.getMessage());
        }
    }
}
