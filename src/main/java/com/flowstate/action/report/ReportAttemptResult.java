package com.flowstate.action.report;

/** What one attempt of a Send report action got as far as resolving; the nulls are what it did not reach. */
record ReportAttemptResult(int attemptNumber, String templateName, String smtpCredentialName, String recipientEmail,
                           String fromAddress) {

    static ReportAttemptResult start(int attemptNumber, ReportRequest request) {
        return new ReportAttemptResult(attemptNumber, nullToEmpty(request.templateName()),
                nullToEmpty(request.smtpCredentialName()), null, null);
    }

    ReportAttemptResult withFromAddress(String address) {
        return new ReportAttemptResult(attemptNumber, templateName, smtpCredentialName, recipientEmail, address);
    }

    ReportAttemptResult withRecipient(String email) {
        return new ReportAttemptResult(attemptNumber, templateName, smtpCredentialName, email, fromAddress);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
