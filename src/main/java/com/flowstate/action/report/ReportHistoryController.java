package com.flowstate.action.report;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.flowstate.history.Page;
import com.flowstate.history.PageParameters;
import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The Reports tab over REST: its rows, and the document each sent, within the caller's partner scope. */
@RestController
@RequestMapping("/api/history/reports")
@Tag(name = "Action history")
class ReportHistoryController {

    private final ReportHistoryQuery reports;

    ReportHistoryController(ReportHistoryQuery reports) {
        this.reports = reports;
    }

    @GetMapping
    @Operation(summary = "Reports tab: filter by any column, sort by createdAt|opportunity|template|recipient|"
            + "smtpCredential|fromAddress|document|status, page with the returned cursor")
    Page<ReportHistoryRow> reports(@ParameterObject ReportHistoryFilter filter,
                                   @ParameterObject PageParameters page) {
        return reports.page(CurrentUser.scope(), filter, page);
    }

    @GetMapping("/{id}/document")
    @Operation(summary = "The .docx a report row sent; 404 when there is none or the row is outside your scope")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        return reports.document(CurrentUser.scope(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No report document " + id))
                .asAttachment();
    }
}
