package com.flowstate.history;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.action.assignment.AssignmentStatus;
import com.flowstate.action.assignment.PartnerRole;
import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The Assignment tab over REST; a controller of its own beside {@link HistoryController}, same base path. */
@RestController
@RequestMapping("/api/history")
@Tag(name = "Action history", description = "What the automatic actions did, within your partner scope")
class AssignmentHistoryController {

    private final AssignmentHistoryQuery assignments;

    AssignmentHistoryController(AssignmentHistoryQuery assignments) {
        this.assignments = assignments;
    }

    @GetMapping("/assignments")
    @Operation(summary = "Assignment tab: filter by assigned company, opportunity, status, role, dates; sort; page "
            + "with the returned cursor")
    Page<AssignmentHistoryRow> assignments(
            @RequestParam(required = false) Long opportunityId,
            @Parameter(description = "opportunity name contains") @RequestParam(required = false) String opportunity,
            @Parameter(description = "assigned company name contains") @RequestParam(required = false) String assignedCompany,
            @Parameter(description = "PENDING, ACCEPTED or REJECTED (the offer's decision); or true = a company was "
                    + "assigned, false = not completed (no candidate, bad role)") @RequestParam(required = false) String status,
            @Parameter(description = "INSTALLER or SELLER") @RequestParam(required = false) String role,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "createdAt|opportunity|assignedCompany|status|role ,asc|desc") @RequestParam(defaultValue = "createdAt,desc") String sort,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String cursor) {
        String[] sortParts = sort.split(",");
        AssignmentHistorySort column = AssignmentHistorySort.parse(sortParts[0].strip());
        SortDirection direction = sortParts.length > 1 ? SortDirection.valueOf(sortParts[1].strip().toUpperCase())
                : SortDirection.DESC;
        var filter = AssignmentHistoryFilter.empty()
                .withOpportunityId(opportunityId)
                .withOpportunity(opportunity)
                .withAssignedCompany(assignedCompany)
                .withRole(role == null || role.isBlank() ? null : PartnerRole.parse(role)
                        .orElseThrow(() -> new IllegalArgumentException("Unknown role '" + role + "'")))
                .withFrom(from)
                .withTo(to);
        if (status != null && !status.isBlank()) {
            String value = status.strip().toUpperCase(Locale.ROOT);
            filter = switch (value) {
                case "TRUE", "FALSE" -> filter.withStatus(Boolean.valueOf(value.toLowerCase(Locale.ROOT)));
                default -> filter.withDecision(decision(status));
            };
        }
        return assignments.page(CurrentUser.scope(), filter, column, direction, cursor, size);
    }

    private static AssignmentStatus decision(String status) {
        try {
            return AssignmentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown status '" + status
                    + "' (expected PENDING, ACCEPTED, REJECTED, true or false)");
        }
    }
}
