package com.flowstate.action.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.ActionFailure;
import com.flowstate.action.HistoryRow;
import com.flowstate.flow.ActionAttempt;
import com.flowstate.i18n.Reason;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.UserService;

/**
 * Creates the activity of one action execution and puts it on the execution's history row.
 *
 * <p>Bad parameters (unknown type or role, a due delay that is not a whole number of days) and a role nobody holds on
 * the opportunity are permanent failures, thrown as {@link ActionFailure}: the action runner records them at once with
 * the reason, and the flow goes on. The activity is inserted in the job's transaction and keyed by the execution, so
 * a failed attempt leaves nothing behind and a re-run of an execution that already created its activity does not
 * create a second one. A database error is not caught: the engine retries the job, and the platform records the
 * attempts.
 */
@Service
public class ActivityActionService {

    /** Due dates are the platform company's calendar days. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    /** Ten years: anything longer is a typo, not a plan. */
    static final int MAX_DUE_IN_DAYS = 3650;

    private final OpportunityService opportunities;
    private final UserService users;
    private final ActivitySubjects subjects;
    private final ActivityRepository activities;

    ActivityActionService(OpportunityService opportunities, UserService users, ActivitySubjects subjects,
                          ActivityRepository activities) {
        this.opportunities = opportunities;
        this.users = users;
        this.subjects = subjects;
        this.activities = activities;
    }

    /**
     * Runs one attempt. The row first takes the parameters as the designer wrote them, so a failed execution shows
     * what could not be used; once the activity exists, its resolved type, subject, role and id.
     *
     * <p>A failure is not a reason to roll the job's transaction back (nothing was written before it): the runner
     * records it in that same transaction.
     *
     * @throws ActionFailure a permanent one, with the reason the activity cannot be created
     */
    @Transactional
    public void create(ActionAttempt attempt, ActivityParameters parameters, HistoryRow row) {
        row.put("activity_type", strippedOrNull(parameters.activityType()))
                .put("subject", ActivitySubjects.isPlain(parameters.subject()) ? strippedOrNull(parameters.subject())
                        : null)
                .put("assignee_role", strippedOrNull(parameters.assigneeRole()));
        NewActivity activity = resolve(attempt, parameters, row);
        long id = activities.insertOnce(attempt.executionKey(), activity);
        row.put("activity_type", activity.type().name()).put("subject", activity.subject())
                .put("assignee_role", activity.role().name()).put("activity_ref", id);
    }

    /** The subject is filled in first, so a row that fails on a later check still reads as its activity would. */
    private NewActivity resolve(ActionAttempt attempt, ActivityParameters parameters, HistoryRow row) {
        if (parameters.subject() == null || parameters.subject().isBlank()) {
            throw ActionFailure.permanent("activity.noSubject");
        }
        Opportunity opportunity = opportunities.find(PartnerScope.everything(), attempt.opportunityId())
                .orElseThrow(() -> ActionFailure.permanent("opportunity.gone", "id", attempt.opportunityId()));
        String subject = subjects.render(parameters.subject(), opportunity, attempt.action());
        row.put("subject", subject);
        ActivityType type = ActivityType.parse(parameters.activityType())
                .orElseThrow(() -> ActionFailure.permanent("parameter.unknownActivityType",
                        "value", parameters.activityType(), "expected", List.of(ActivityType.values())));
        AssigneeRole role = AssigneeRole.parse(parameters.assigneeRole())
                .orElseThrow(() -> ActionFailure.permanent("parameter.unknownAssigneeRole",
                        "value", parameters.assigneeRole(), "expected", List.of(AssigneeRole.values())));
        int dueInDays = dueInDays(parameters.dueInDays());
        Instant now = Instant.now();
        LocalDate dueDate = now.atZone(ZONE).toLocalDate().plusDays(dueInDays);
        return switch (role) {
            case INSTALLER -> new NewActivity(opportunity.id(), type, subject, dueDate, role, null,
                    required(opportunity.installerId(), Reason.of("opportunity.noInstaller")), now);
            case SELLER -> new NewActivity(opportunity.id(), type, subject, dueDate, role, null,
                    required(opportunity.sellerId(), Reason.of("opportunity.noSeller")), now);
            case INTERNAL_USER -> new NewActivity(opportunity.id(), type, subject, dueDate, role,
                    ownerId(opportunity), null, now);
        };
    }

    private static int dueInDays(String value) {
        if (!isValidDueInDays(value)) {
            throw ActionFailure.permanent("parameter.invalidDueInDays", "value", value,
                    "max", MAX_DUE_IN_DAYS);
        }
        return Integer.parseInt(value.strip());
    }

    /** A whole number of days from 0 to {@link #MAX_DUE_IN_DAYS}, blanks around it allowed. */
    static boolean isValidDueInDays(String value) {
        if (value == null || !value.strip().matches("\\d{1,9}")) {
            return false;
        }
        return Integer.parseInt(value.strip()) <= MAX_DUE_IN_DAYS;
    }

    private long ownerId(Opportunity opportunity) {
        if (opportunity.ownerUsername() == null) {
            throw ActionFailure.permanent("opportunity.noInternalUser");
        }
        return users.findByUsername(opportunity.ownerUsername())
                .orElseThrow(() -> ActionFailure.permanent("user.gone",
                        "name", opportunity.ownerUsername()))
                .id();
    }

    private static long required(Long companyId, Reason reasonWhenMissing) {
        if (companyId == null) {
            throw ActionFailure.permanent(reasonWhenMissing);
        }
        return companyId;
    }

    private static String strippedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
