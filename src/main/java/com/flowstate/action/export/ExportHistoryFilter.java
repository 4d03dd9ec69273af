package com.flowstate.action.export;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import com.flowstate.history.ActionFilter;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * Filters of the Exports tab, one per seed column plus an opportunity and a date range; null = any. {@code template}
 * and {@code recipient} match "contains", ignoring case (the recipient as the template names it or as resolved);
 * {@code exportType} and {@code extension} are enum names, any case; {@code status} true = sent, false = failed.
 */
public record ExportHistoryFilter(
        Long opportunityId,
        @Parameter(description = "opportunity name contains") String opportunity,
        @Parameter(description = "template name contains") String template,
        @Parameter(description = "OPPORTUNITIES, ACTIVITIES, EMAIL_HISTORY") String exportType,
        @Parameter(description = "CSV or XLSX") String extension,
        @Parameter(description = "recipient (role or e-mail) contains") String recipient,
        @Parameter(description = "true = sent, false = failed") Boolean status,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) implements ActionFilter {

    /** The rows of the templates whose name contains {@code template}, nothing else filtered. */
    public static ExportHistoryFilter ofTemplate(String template) {
        return new ExportHistoryFilter(null, null, template, null, null, null, null, null, null);
    }
}
