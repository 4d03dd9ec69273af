package com.flowstate.action.email;

/** What one attempt of an e-mail action got as far as resolving; the nulls are what it did not reach. */
record EmailAttemptResult(int attemptNumber, String templateName, String smtpCredentialName, String recipientEmail,
                          String subject, String bodyPreview, String messageId) {

    EmailAttemptResult withRecipient(String email) {
        return new EmailAttemptResult(attemptNumber, templateName, smtpCredentialName, email, subject, bodyPreview,
                messageId);
    }

    EmailAttemptResult withContent(RenderedEmail email) {
        return new EmailAttemptResult(attemptNumber, templateName, smtpCredentialName, recipientEmail,
                email.subject(), email.preview(), messageId);
    }

    EmailAttemptResult withMessageId(String id) {
        return new EmailAttemptResult(attemptNumber, templateName, smtpCredentialName, recipientEmail, subject,
                bodyPreview, id);
    }
}
