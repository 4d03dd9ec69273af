package com.flowstate.action.report;

/**
 * The input parameters of a Send report task.
 *
 * @param reportTemplate name of the report template (.docx)
 * @param smtpCredential name of the SMTP credentials to send through
 * @param recipientRole  CUSTOMER, INSTALLER, SELLER or INTERNAL_USER, as for Send e-mail
 */
public record ReportParameters(String reportTemplate, String smtpCredential, String recipientRole) {
}
