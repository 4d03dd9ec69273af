package com.flowstate.history;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The Reports tab over REST: its rows, and the document each sent, within the caller's partner scope. */
@RestController
@RequestMapping("/api/history/reports")
@Tag(name = "Action history", description = "What the automatic actions did, within your partner scope")
class ReportHistoryController {

    private final ReportHistoryQuery reports;

    ReportHistoryController(ReportHistoryQuery reports) {
        this.reports = reports;
    }

    @GetMapping
    @Operation(summary = "Reports tab: filter by any column, sort, page with the returned cursor")
    Page<ReportHistoryRow> reports(
            @RequestParam(required = false) Long opportunityId,
            @Parameter(description = "opportunity name contains") @RequestParam(required = false) String opportunity,
            @Parameter(description = "report template name contains") @RequestParam(required = false) String template,
            @Parameter(description = "recipient e-mail contains") @RequestParam(required = false) String recipient,
            @Parameter(description = "SMTP credentials name contains") @RequestParam(required = false) String smtpCredential,
            @Parameter(description = "sender (from) address contains") @RequestParam(required = false) String fromAddress,
            @Parameter(description = "sent document's file name contains") @RequestParam(required = false) String document,
            @Parameter(description = "true = sent, false = failed") @RequestParam(required = false) Boolean status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "createdAt|opportunity|template|recipient|smtpCredential|fromAddress|document|status ,asc|desc")
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String cursor) {
        String[] sortParts = sort.split(",");
        ReportHistorySort column = ReportHistorySort.parse(sortParts[0].strip());
        SortDirection direction = sortParts.length > 1 ? SortDirection.valueOf(sortParts[1].strip().toUpperCase())
                : SortDirection.DESC;
        var filter = new ReportHistoryFilter(opportunityId, opportunity, template, recipient, smtpCredential,
                fromAddress, document, status, from, to);
        return reports.page(CurrentUser.scope(), filter, column, direction, cursor, size);
    }

    @GetMapping("/{id}/document")
    @Operation(summary = "The .docx a report row sent; 404 when there is none or the row is outside your scope")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        ReportDocument document = reports.document(CurrentUser.scope(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No report document " + id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.fileName(), StandardCharsets.UTF_8)
                                .build().toString())
                .body(document.content());
    }
}
