package com.flowstate.action.report;

import java.time.Instant;
import java.util.List;

/**
 * A report template as the admin view and REST show it: its placeholders, as written in the .docx, and a digest of
 * its content (what the audit trail keeps instead of the bytes, so a reader sees that the file changed).
 */
public record ReportTemplateDetails(String name, int size, String sha256, List<String> placeholders,
                                    Instant updatedAt) {
}
