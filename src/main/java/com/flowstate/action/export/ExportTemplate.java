package com.flowstate.action.export;

import java.util.List;

/**
 * An export template: what to export ({@code exportType}, {@code columns}, {@code filter}), as which file
 * ({@code extension}), to whom ({@code recipient}, through {@code smtpCredentialName}) and, optionally, when.
 *
 * @param columns      column keys of the type, in file order; empty = all of them ({@link ExportDataset})
 * @param recipient    a role of the opportunity (INSTALLER, SELLER, INTERNAL_USER) or an e-mail address of a user or
 *                     company Flowstate knows; the recipient also decides which opportunities the file may hold
 * @param scheduleCron Camunda cron expression (seconds first, e.g. {@code 0 0 7 * * ?}); null = runs only where a flow
 *                     places it
 * @param maxRows      the most rows one run exports (the first ones in id order); null = all of them
 */
public record ExportTemplate(
        String name,
        ExportType exportType,
        List<String> columns,
        ExportFilter filter,
        ExportExtension extension,
        String recipient,
        String smtpCredentialName,
        String scheduleCron,
        Integer maxRows) {

    /** A template without a row limit. */
    public ExportTemplate(String name, ExportType exportType, List<String> columns, ExportFilter filter,
                          ExportExtension extension, String recipient, String smtpCredentialName, String scheduleCron) {
        this(name, exportType, columns, filter, extension, recipient, smtpCredentialName, scheduleCron, null);
    }

    public ExportTemplate {
        columns = columns == null ? List.of() : List.copyOf(columns);
        filter = filter == null ? ExportFilter.none() : filter;
        scheduleCron = scheduleCron == null || scheduleCron.isBlank() ? null : scheduleCron.strip();
    }

    /** A template of every column, no filter, no schedule. */
    public static ExportTemplate of(String name, ExportType exportType, ExportExtension extension, String recipient,
                                    String smtpCredentialName) {
        return new ExportTemplate(name, exportType, List.of(), ExportFilter.none(), extension, recipient,
                smtpCredentialName, null);
    }

    public ExportTemplate withColumns(List<String> value) {
        return new ExportTemplate(name, exportType, value, filter, extension, recipient, smtpCredentialName,
                scheduleCron, maxRows);
    }

    public ExportTemplate withFilter(ExportFilter value) {
        return new ExportTemplate(name, exportType, columns, value, extension, recipient, smtpCredentialName,
                scheduleCron, maxRows);
    }

    public ExportTemplate withSchedule(String cron) {
        return new ExportTemplate(name, exportType, columns, filter, extension, recipient, smtpCredentialName, cron,
                maxRows);
    }

    public ExportTemplate withMaxRows(Integer value) {
        return new ExportTemplate(name, exportType, columns, filter, extension, recipient, smtpCredentialName,
                scheduleCron, value);
    }

    public boolean isScheduled() {
        return scheduleCron != null;
    }
}
