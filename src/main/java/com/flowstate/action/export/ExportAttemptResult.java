package com.flowstate.action.export;

/**
 * How far an attempt got, so that a failed row still shows what was resolved before the failure (template details,
 * recipient, file).
 */
record ExportAttemptResult(
        int attemptNumber,
        String templateName,
        ExportTemplate template,
        ExportRecipient recipient,
        StoredExportFile file,
        ExportDelivery delivery,
        String messageId) {

    static ExportAttemptResult start(int attemptNumber, String templateName) {
        return new ExportAttemptResult(attemptNumber, templateName, null, null, null, null, null);
    }

    ExportAttemptResult withTemplate(ExportTemplate value) {
        return new ExportAttemptResult(attemptNumber, templateName, value, recipient, file, delivery, messageId);
    }

    ExportAttemptResult withRecipient(ExportRecipient value) {
        return new ExportAttemptResult(attemptNumber, templateName, template, value, file, delivery, messageId);
    }

    ExportAttemptResult withFile(StoredExportFile value) {
        return new ExportAttemptResult(attemptNumber, templateName, template, recipient, value, delivery, messageId);
    }

    ExportAttemptResult withSent(String id, ExportDelivery how) {
        return new ExportAttemptResult(attemptNumber, templateName, template, recipient, file, how, id);
    }
}
