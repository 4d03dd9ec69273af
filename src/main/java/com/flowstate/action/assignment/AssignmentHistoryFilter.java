package com.flowstate.action.assignment;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;

import com.flowstate.history.ActionFilter;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * Filters of the Assignment tab; null or blank = any. Opportunity and assigned company match "contains", ignoring
 * case. {@code status} is the API's: an offer's decision (the seed's status) or the action's outcome, which the
 * query reads through {@link #decision()} and {@link #statusOutcome()}. The tab filters on decision and outcome at
 * once, so it gives the outcome as {@code outcome}.
 *
 * @param status  PENDING, ACCEPTED or REJECTED; or true / false (any case)
 * @param role    INSTALLER or SELLER (any case)
 * @param outcome the action's outcome beside a decision: true = a company was assigned, false = not completed
 */
public record AssignmentHistoryFilter(
        Long opportunityId,
        @Parameter(description = "opportunity name contains") String opportunity,
        @Parameter(description = "assigned company name contains") String assignedCompany,
        @Parameter(description = "PENDING, ACCEPTED or REJECTED (the offer's decision); or true = a company was "
                + "assigned, false = not completed (no candidate, bad role)") String status,
        @Parameter(description = "INSTALLER or SELLER") String role,
        @Parameter(description = "the action's outcome beside a decision in status: true = a company was "
                + "assigned, false = not completed") Boolean outcome,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) implements ActionFilter {

    /** Every row of one opportunity. */
    public static AssignmentHistoryFilter ofOpportunity(long opportunityId) {
        return new AssignmentHistoryFilter(opportunityId, null, null, null, null, null, null, null);
    }

    /**
     * The offer's decision that {@code status} names; null when it names none or an outcome.
     *
     * @throws IllegalArgumentException for a status that is neither
     */
    public AssignmentStatus decision() {
        if (isBlank(status) || statusOutcome() != null) {
            return null;
        }
        try {
            return AssignmentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown status '" + status
                    + "' (expected PENDING, ACCEPTED, REJECTED, true or false)");
        }
    }

    /** The action's outcome that {@code status} names (true / false); null when it names none or a decision. */
    public Boolean statusOutcome() {
        String value = isBlank(status) ? "" : status.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "false" -> Boolean.valueOf(value);
            default -> null;
        };
    }

    /**
     * The role {@code role} names; null for any.
     *
     * @throws IllegalArgumentException for an unknown role
     */
    public PartnerRole partnerRole() {
        return isBlank(role) ? null : PartnerRole.parse(role)
                .orElseThrow(() -> new IllegalArgumentException("Unknown role '" + role + "'"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
