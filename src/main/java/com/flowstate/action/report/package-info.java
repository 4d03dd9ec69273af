/**
 * Send report: fills a .docx report template with poi-tl placeholders ({@code {{customer.name}}}, a bullet list of
 * the open substates, a table of the opportunity's activities) and mails it as an attachment through an SMTP account
 * ({@link com.flowstate.action.report.SendReportAction}, {@link com.flowstate.action.report.ReportActionService}).
 * The document that went out is kept in {@code report_document}, written right after the send in its own
 * transaction: it is what the Reports tab offers for download, and what stops a retried job from sending again.
 * The tab's query and REST endpoints ({@code GET /api/history/reports}, {@code .../{id}/document}) are here too.
 * Templates are stored by name ({@link com.flowstate.action.report.ReportTemplateService}, REST
 * {@code /api/report-templates}) and checked against the data a report has when they are saved.
 */
@NamedInterface("report")
package com.flowstate.action.report;

import org.springframework.modulith.NamedInterface;
