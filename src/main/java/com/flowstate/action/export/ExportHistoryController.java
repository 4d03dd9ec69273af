package com.flowstate.action.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.flowstate.history.Page;
import com.flowstate.history.PageParameters;
import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The Exports tab over REST, and the exported files; both within the caller's partner scope. */
@RestController
@Tag(name = "Action history")
class ExportHistoryController {

    private final ExportHistoryQuery exports;
    private final ExportFiles files;

    ExportHistoryController(ExportHistoryQuery exports, ExportFiles files) {
        this.exports = exports;
        this.files = files;
    }

    @GetMapping("/api/history/exports")
    @Operation(summary = "Exports tab: filter by template, export type, extension, recipient, status, dates; sort by "
            + "createdAt|template|exportType|extension|recipient|status; page with the returned cursor")
    Page<ExportHistoryRow> exports(@ParameterObject ExportHistoryFilter filter, @ParameterObject PageParameters page) {
        return exports.page(CurrentUser.scope(), filter, page);
    }

    @GetMapping("/api/history/exports/{id}/file")
    @Operation(summary = "The exported file of an Exports tab row; 404 when the row is not yours or has no file")
    void file(@PathVariable long id, HttpServletResponse response) throws IOException {
        StoredExportFile file = files.find(CurrentUser.scope(), id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "Export " + id + " has no file you may download"));
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.fileSize());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file.fileName()).build().toString());
        try (InputStream in = files.content(file); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
