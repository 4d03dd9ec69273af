package com.flowstate.action.report;

import java.time.Instant;

/** A report that SMTP accepted: what its history row shows, without the document itself. */
record SentReport(String messageId, String recipientEmail, String fromAddress, String subject, String fileName,
                  int size, Instant sentAt) {
}
