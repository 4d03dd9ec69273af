/**
 * The Export action: an export template names what to export (opportunities, activities or the e-mail history,
 * with columns and a filter), as csv or xlsx, to whom; the action ({@link com.flowstate.action.export.RunExportAction})
 * streams the rows from a database cursor into the file in bounded memory, neutralises spreadsheet formulas in text
 * cells, keeps the file for download and e-mails it (attached, or linked when large). It runs where a flow places it
 * (on a substate event) or on the template's own cron ({@link com.flowstate.action.export.ExportSchedules}). The
 * recipient fixes the partner scope of the file and of its Exports tab row; the tab's query and REST endpoints
 * ({@code GET /api/history/exports}, and each row's file) are here too. Export templates are managed here ({@link
 * com.flowstate.action.export.ExportTemplateService}).
 */
@NamedInterface("export")
package com.flowstate.action.export;

import org.springframework.modulith.NamedInterface;
