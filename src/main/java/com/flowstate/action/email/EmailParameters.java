package com.flowstate.action.email;

import com.flowstate.action.Action;

/**
 * The input parameters of a Send e-mail task.
 *
 * @param template       name of the e-mail template
 * @param smtpCredential name of the SMTP credentials to send through
 * @param recipientRole  CUSTOMER, INSTALLER, SELLER or INTERNAL_USER
 * @param extraRecipient username of a further user who gets a copy
 */
public record EmailParameters(String template, String smtpCredential, String recipientRole,
                              @Action.Optional String extraRecipient) {
}
