package com.flowstate.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.flowstate.action.export.ExportFiles;
import com.flowstate.action.export.StoredExportFile;
import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The Exports tab over REST, and the exported files; both within the caller's partner scope. */
@RestController
@RequestMapping("/api/history")
@Tag(name = "Action history", description = "What the automatic actions did, within your partner scope")
class ExportHistoryController {

    private final ExportHistoryQuery exports;
    private final ExportFiles files;

    ExportHistoryController(ExportHistoryQuery exports, ExportFiles files) {
        this.exports = exports;
        this.files = files;
    }

    @GetMapping("/exports")
    @Operation(summary = "Exports tab: filter by template, export type, extension, recipient, status, dates; sort; "
            + "page with the returned cursor")
    Page<ExportHistoryRow> exports(
            @RequestParam(required = false) Long opportunityId,
            @Parameter(description = "template name contains") @RequestParam(required = false) String template,
            @Parameter(description = "OPPORTUNITIES, ACTIVITIES, EMAIL_HISTORY") @RequestParam(required = false) String exportType,
            @Parameter(description = "CSV or XLSX") @RequestParam(required = false) String extension,
            @Parameter(description = "recipient (role or e-mail) contains") @RequestParam(required = false) String recipient,
            @Parameter(description = "true = sent, false = failed") @RequestParam(required = false) Boolean status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "createdAt|template|exportType|extension|recipient|status ,asc|desc") @RequestParam(defaultValue = "createdAt,desc") String sort,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String cursor) {
        String[] sortParts = sort.split(",");
        ExportHistorySort column = ExportHistorySort.parse(sortParts[0].strip());
        SortDirection direction = sortParts.length > 1 ? SortDirection.valueOf(sortParts[1].strip().toUpperCase())
                : SortDirection.DESC;
        var filter = new ExportHistoryFilter(opportunityId, template, exportType, extension, recipient, status,
                from, to);
        return exports.page(CurrentUser.scope(), filter, column, direction, cursor, size);
    }

    @GetMapping("/exports/{id}/file")
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
