package com.flowstate.action.report;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A .docx to download: the one a Send report execution sent, or a report template. */
public record ReportDocument(String fileName, String contentType, byte[] content) {

    /** The document as an HTTP attachment named after its file. */
    ResponseEntity<byte[]> asAttachment() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
