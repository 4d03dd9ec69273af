package com.flowstate.history;

import java.time.LocalDate;

/**
 * Filters of the Exports tab, one per seed column plus an opportunity and a date range. {@code template} and
 * {@code recipient} match "contains", ignoring case (the recipient as the template names it or as resolved);
 * {@code exportType} and {@code extension} are enum names, any case; {@code status} true = sent, false = failed.
 */
public record ExportHistoryFilter(
        Long opportunityId,
        String template,
        String exportType,
        String extension,
        String recipient,
        Boolean status,
        LocalDate from,
        LocalDate to) {

    public static ExportHistoryFilter empty() {
        return new ExportHistoryFilter(null, null, null, null, null, null, null, null);
    }

    public ExportHistoryFilter withOpportunityId(Long value) {
        return new ExportHistoryFilter(value, template, exportType, extension, recipient, status, from, to);
    }

    public ExportHistoryFilter withTemplate(String value) {
        return new ExportHistoryFilter(opportunityId, value, exportType, extension, recipient, status, from, to);
    }

    public ExportHistoryFilter withExportType(String value) {
        return new ExportHistoryFilter(opportunityId, template, value, extension, recipient, status, from, to);
    }

    public ExportHistoryFilter withExtension(String value) {
        return new ExportHistoryFilter(opportunityId, template, exportType, value, recipient, status, from, to);
    }

    public ExportHistoryFilter withRecipient(String value) {
        return new ExportHistoryFilter(opportunityId, template, exportType, extension, value, status, from, to);
    }

    public ExportHistoryFilter withStatus(Boolean value) {
        return new ExportHistoryFilter(opportunityId, template, exportType, extension, recipient, value, from, to);
    }

    public ExportHistoryFilter withFrom(LocalDate value) {
        return new ExportHistoryFilter(opportunityId, template, exportType, extension, recipient, status, value, to);
    }

    public ExportHistoryFilter withTo(LocalDate value) {
        return new ExportHistoryFilter(opportunityId, template, exportType, extension, recipient, status, from, value);
    }
}
