package com.flowstate.history;

/** The .docx a Send report execution sent, for download. */
public record ReportDocument(String fileName, String contentType, byte[] content) {
}
