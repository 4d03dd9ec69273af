package com.flowstate.action.report;

import java.time.Instant;

/** A report template as lists show it: the .docx itself is read only to fill it ({@link ReportTemplateService}). */
public record ReportTemplate(long id, String name, int size, Instant updatedAt) {
}
