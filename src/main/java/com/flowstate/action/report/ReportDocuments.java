package com.flowstate.action.report;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.flowstate.action.OwnTransaction;

/**
 * Keeps, outside the job's transaction, the report an action execution handed to SMTP. It is the document the
 * Reports tab offers for download, and if the job then fails and is retried, the retry finds it and does not send
 * again (DESIGN invariant 3), as {@code EmailDeliveries} does for e-mails.
 */
@Component
class ReportDocuments {

    private final OwnTransaction ownTransaction;

    ReportDocuments(OwnTransaction ownTransaction) {
        this.ownTransaction = ownTransaction;
    }

    /** The report this execution already sent, without its content. */
    Optional<SentReport> find(String executionKey) {
        return ownTransaction.call(jdbc -> jdbc.sql("""
                        select message_id, recipient_email, from_address, subject, file_name, length(content) size,
                               sent_at
                        from report_document where execution_key = ?""")
                .param(executionKey).query(SentReport.class).optional());
    }

    void record(String executionKey, SentReport report, byte[] content) {
        ownTransaction.run(jdbc -> jdbc.sql("""
                        insert into report_document (execution_key, message_id, recipient_email, from_address, subject,
                                                     file_name, content, sent_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(executionKey, report.messageId(), report.recipientEmail(), report.fromAddress(),
                        report.subject(), report.fileName(), content, Timestamp.from(report.sentAt()))
                .update());
    }
}
