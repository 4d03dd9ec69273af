package com.flowstate.action.email;

/**
 * The parameters of one e-mail action, as the service task's input parameters give them.
 *
 * @param extraRecipient optional username of a further user who gets a copy
 */
public record EmailRequest(String templateName, String smtpCredentialName, String recipientRole,
                           String extraRecipient) {
}
