/**
 * The Send report action. The delegate {@code sendReportAction} reads the service task's parameters (report template,
 * SMTP credentials, recipient role); {@code ReportActionService} fills the template, a .docx with poi-tl placeholders
 * ({@code {{customer.name}}}, a bullet list of the open substates, a table of the opportunity's activities), mails it
 * as an attachment and records the outcome on the Reports history tab. The document that went out is kept in
 * {@code report_document}, written right after the send in its own transaction: it is what the tab offers for
 * download, and what stops a retried job from sending again. Templates are stored by name
 * ({@code ReportTemplateService}) and checked against the data a report has when they are saved.
 */
package com.flowstate.action.report;
