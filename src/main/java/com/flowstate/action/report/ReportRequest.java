package com.flowstate.action.report;

/** The parameters of one Send report action, as the service task's input parameters give them. */
public record ReportRequest(String templateName, String smtpCredentialName, String recipientRole) {
}
