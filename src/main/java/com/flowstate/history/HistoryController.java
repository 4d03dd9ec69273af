package com.flowstate.history;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/history")
@Tag(name = "Action history", description = "What the automatic actions did, within your partner scope")
class HistoryController {

    private final EmailHistoryQuery emails;

    HistoryController(EmailHistoryQuery emails) {
        this.emails = emails;
    }

    @GetMapping("/emails")
    @Operation(summary = "E-mail tab: filter by any column, sort, page with the returned cursor")
    Page<EmailHistoryRow> emails(
            @RequestParam(required = false) Long opportunityId,
            @Parameter(description = "opportunity name contains") @RequestParam(required = false) String opportunity,
            @Parameter(description = "template name contains") @RequestParam(required = false) String template,
            @Parameter(description = "recipient e-mail contains") @RequestParam(required = false) String recipient,
            @Parameter(description = "SMTP credentials name contains") @RequestParam(required = false) String smtpCredential,
            @Parameter(description = "true = sent, false = failed") @RequestParam(required = false) Boolean status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "column,direction e.g. createdAt,desc") @RequestParam(defaultValue = "createdAt,desc") String sort,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String cursor) {
        String[] sortParts = sort.split(",");
        EmailHistorySort column = EmailHistorySort.parse(sortParts[0].strip());
        SortDirection direction = sortParts.length > 1 ? SortDirection.valueOf(sortParts[1].strip().toUpperCase())
                : SortDirection.DESC;
        var filter = new EmailHistoryFilter(opportunityId, opportunity, template, recipient, smtpCredential, status,
                from, to);
        return emails.page(CurrentUser.scope(), filter, column, direction, cursor, size);
    }
}
