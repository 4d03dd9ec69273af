package com.flowstate.action.export;

/**
 * The input parameters of an Export task.
 *
 * @param exportTemplate name of the export template; type, columns, filter, extension, recipient and SMTP account
 *                       are configured on the template
 */
public record ExportParameters(String exportTemplate) {
}
