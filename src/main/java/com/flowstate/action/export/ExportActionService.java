package com.flowstate.action.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.ActionFailure;
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
 * file, keeps it for download, e-mails it (attached, or linked when larger than the attachment limit) and records
 * the outcome on the execution's Exports tab row.
 *
 * <p>A transient failure (SMTP down, database unavailable) is thrown so the engine retries the job; on the last
 * attempt it is recorded as failed instead, and the flow goes on. A permanent failure (unknown template, recipient
 * or account) is recorded at once. The file is kept and the hand-over to SMTP remembered outside the job's
 * transaction, so a retry reuses the file and never sends it twice.
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
    private final ExportDeliveries deliveries;
    private final ExportHistoryWriter history;
    private final ExportProperties properties;

    ExportActionService(ExportTemplateService templates, OpportunityService opportunities,
                        SmtpCredentialService credentials, ExportRecipients recipients, ExportGenerator generator,
                        ExportFiles files, SmtpMailer mailer, ExportDeliveries deliveries,
                        ExportHistoryWriter history, ExportProperties properties) {
        this.templates = templates;
        this.opportunities = opportunities;
        this.credentials = credentials;
        this.recipients = recipients;
        this.generator = generator;
        this.files = files;
        this.mailer = mailer;
        this.deliveries = deliveries;
        this.history = history;
        this.properties = properties;
    }

    /**
     * Runs one attempt. Returns normally when the execution is over (sent, or failed for good); throws an
     * {@link ActionFailure} when the engine should try again.
     */
    @Transactional
    public void run(ExportRun run, String templateName) {
        if (run.isScheduled()) {
            history.ensureScheduledRow(run, templateName);
        }
        var progress = new Progress(ExportAttemptResult.start(run.attemptNumber(), templateName));
        try {
            export(run, templateName, progress);
            history.recordSucceeded(run.executionKey(), progress.result);
        } catch (ActionFailure failure) {
            if (failure.isTransient() && !run.lastAttempt()) {
                log.info("Export {} attempt {} failed, will retry: {}", run.executionKey(), run.attemptNumber(),
                        failure.getMessage());
                throw failure;
            }
            log.warn("Export {} failed after attempt {}: {}", run.executionKey(), run.attemptNumber(),
                    failure.getMessage());
            history.recordFailed(run.executionKey(), progress.result, failure.getMessage());
        }
    }

    private void export(ExportRun run, String templateName, Progress progress) {
        if (templateName == null || templateName.isBlank()) {
            throw ActionFailure.permanent("No export template given");
        }
        ExportTemplate template = templates.findByName(templateName)
                .orElseThrow(() -> ActionFailure.permanent("Unknown export template '" + templateName + "'"));
        progress.result = progress.result.withTemplate(template);
        Optional<Opportunity> opportunity = Optional.ofNullable(run.opportunityId()).map(id ->
                opportunities.find(PartnerScope.everything(), id)
                        .orElseThrow(() -> ActionFailure.permanent("Opportunity " + id + " no longer exists")));
        ExportRecipient recipient = recipients.resolve(template.recipient(), opportunity);
        progress.result = progress.result.withRecipient(recipient);
        SmtpCredential credential = credentials.findByName(template.smtpCredentialName())
                .orElseThrow(() -> ActionFailure.permanent("Unknown SMTP credentials '"
                        + template.smtpCredentialName() + "'"));
        long historyId = history.idOf(run.executionKey())
                .orElseThrow(() -> new IllegalStateException("Export " + run.executionKey() + " has no history row"));

        StoredExportFile file = files.forHistory(historyId)
                .orElseGet(() -> generateAndStore(template, recipient, historyId));
        progress.result = progress.result.withFile(file);

        var earlier = deliveries.find(run.executionKey());
        if (earlier.isPresent()) {
            log.info("Export {} was already handed to SMTP as {}; not sending again", run.executionKey(),
                    earlier.get().messageId());
            progress.result = progress.result.withSent(earlier.get().messageId(), earlier.get().delivery());
            return;
        }
        String messageId = messageId(run.executionKey(), credential.fromAddress());
        boolean attach = file.fileSize() <= properties.attachLimit().toBytes();
        OutgoingMail mail = attach
                ? ExportMail.attached(messageId, recipient.email(), template, file, files.readAll(file))
                : ExportMail.linked(messageId, recipient.email(), template, file, downloadUrl(historyId));
        try {
            mailer.send(credential, mail);
        } catch (MailDeliveryException e) {
            throw e.isPermanent() ? ActionFailure.permanent(e.getMessage(), e)
                    : ActionFailure.transientFailure(e.getMessage(), e);
        }
        ExportDelivery delivery = attach ? ExportDelivery.ATTACHED : ExportDelivery.LINKED;
        deliveries.record(run.executionKey(), messageId, recipient.email(), delivery);
        progress.result = progress.result.withSent(messageId, delivery);
    }

    private StoredExportFile generateAndStore(ExportTemplate template, ExportRecipient recipient, long historyId) {
        String fileName = fileName(template);
        Path temp = null;
        try {
            temp = Files.createTempFile("flowstate-export-", "." + template.extension().fileSuffix());
            var generated = generator.generate(template, recipient.scope(), temp);
            return files.store(historyId, fileName, template.extension(), generated.rows(), temp);
        } catch (IOException | UncheckedIOException e) {
            throw ActionFailure.transientFailure("The export file could not be written: " + e.getMessage(), e);
        } catch (DataAccessException e) {
            throw classify(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** A query the database refuses stays refused; a lost or busy database may come back. */
    private static ActionFailure classify(DataAccessException e) {
        String reason = "The export query failed: " + e.getMostSpecificCause().getMessage();
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

    /** The same execution always gets the same Message-ID, so receivers can drop a duplicate. */
    static String messageId(String executionKey, String fromAddress) {
        int at = fromAddress.lastIndexOf('@');
        String domain = at < 0 ? "flowstate.local" : fromAddress.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<export-" + executionKey + ".flowstate@" + domain + ">";
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

    /** How far an attempt got, so a failure row shows what it had resolved. */
    private static final class Progress {
        private ExportAttemptResult result;

        Progress(ExportAttemptResult result) {
            this.result = result;
        }
    }
}
