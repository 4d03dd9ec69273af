package com.flowstate.history;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.flow.SubstateChangeType;
import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/history")
@Tag(name = "Action history", description = "What the automatic actions did, within your partner scope")
class HistoryController {

    private final EmailHistoryQuery emails;
    private final WebhookHistoryQuery webhooks;
    private final ActivityHistoryQuery activities;
    private final SubstateChangeHistoryQuery substates;

    HistoryController(EmailHistoryQuery emails, WebhookHistoryQuery webhooks, ActivityHistoryQuery activities,
                      SubstateChangeHistoryQuery substates) {
        this.emails = emails;
        this.webhooks = webhooks;
        this.activities = activities;
        this.substates = substates;
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

    @GetMapping("/activities")
    @Operation(summary = "Activities tab: filter by opportunity, activity type, completed (live), status, dates; sort; "
            + "page with the returned cursor")
    Page<ActivityHistoryRow> activities(
            @RequestParam(required = false) Long opportunityId,
            @Parameter(description = "opportunity name contains") @RequestParam(required = false) String opportunity,
            @Parameter(description = "CALL, VISIT, TECHNICAL_SURVEY, DOCUMENT_REQUEST, FOLLOW_UP") @RequestParam(required = false) String activityType,
            @Parameter(description = "true = the activity is completed now, false = still open") @RequestParam(required = false) Boolean completed,
            @Parameter(description = "true = created, false = failed") @RequestParam(required = false) Boolean status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "createdAt|opportunity|activityType|completed|dueDate|status ,asc|desc") @RequestParam(defaultValue = "createdAt,desc") String sort,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String cursor) {
        String[] sortParts = sort.split(",");
        ActivityHistorySort column = ActivityHistorySort.parse(sortParts[0].strip());
        SortDirection direction = sortParts.length > 1 ? SortDirection.valueOf(sortParts[1].strip().toUpperCase())
                : SortDirection.DESC;
        var filter = new ActivityHistoryFilter(opportunityId, opportunity, activityType, completed, status, from, to);
        return activities.page(CurrentUser.scope(), filter, column, direction, cursor, size);
    }

    @GetMapping("/substates")
    @Operation(summary = "Substates tab: the opportunity's substate log (actions' and users' changes); filter by "
            + "opportunity, change type, substate, status, manual, dates; sort; page with the returned cursor")
    Page<SubstateChangeHistoryRow> substates(
            @RequestParam(required = false) Long opportunityId,
            @Parameter(description = "opportunity name contains") @RequestParam(required = false) String opportunity,
            @Parameter(description = "OPEN or CLOSE") @RequestParam(required = false) SubstateChangeType changeType,
            @Parameter(description = "name or key of the substate opened or closed contains") @RequestParam(required = false) String substate,
            @Parameter(description = "true = completed, false = not completed") @RequestParam(required = false) Boolean status,
            @Parameter(description = "true = changes users made by hand, false = the actions' changes") @RequestParam(required = false) Boolean manual,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "createdAt|opportunity|changeType|substate|status ,asc|desc") @RequestParam(defaultValue = "createdAt,desc") String sort,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String cursor) {
        String[] sortParts = sort.split(",");
        SubstateChangeHistorySort column = SubstateChangeHistorySort.parse(sortParts[0].strip());
        SortDirection direction = sortParts.length > 1 ? SortDirection.valueOf(sortParts[1].strip().toUpperCase())
                : SortDirection.DESC;
        var filter = new SubstateChangeHistoryFilter(opportunityId, opportunity, changeType, substate, status, manual,
                from, to);
        return substates.page(CurrentUser.scope(), filter, column, direction, cursor, size);
    }

    @GetMapping("/webhooks")
    @Operation(summary = "Webhook tab: filter by opportunity, URL, response code, status, dates; sort; page with the "
            + "returned cursor")
    Page<WebhookHistoryRow> webhooks(
            @RequestParam(required = false) Long opportunityId,
            @Parameter(description = "opportunity name contains") @RequestParam(required = false) String opportunity,
            @Parameter(description = "webhook URL contains") @RequestParam(required = false) String url,
            @Parameter(description = "HTTP status of the latest call, e.g. 500") @RequestParam(required = false) Integer responseCode,
            @Parameter(description = "true = accepted by the receiver, false = failed") @RequestParam(required = false) Boolean status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "createdAt|opportunity|url|responseCode|status ,asc|desc") @RequestParam(defaultValue = "createdAt,desc") String sort,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String cursor) {
        String[] sortParts = sort.split(",");
        WebhookHistorySort column = WebhookHistorySort.parse(sortParts[0].strip());
        SortDirection direction = sortParts.length > 1 ? SortDirection.valueOf(sortParts[1].strip().toUpperCase())
                : SortDirection.DESC;
        var filter = new WebhookHistoryFilter(opportunityId, opportunity, url, responseCode, status, from, to);
        return webhooks.page(CurrentUser.scope(), filter, column, direction, cursor, size);
    }
}
