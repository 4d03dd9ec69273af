package com.flowstate.action.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.ActionFailure;
import com.flowstate.flow.ActionAttempt;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.UserService;

/**
 * Creates the activity of one action execution and records the outcome on its history row.
 *
 * <p>Bad parameters (unknown type or role, a due delay that is not a whole number of days) and a role nobody holds on
 * the opportunity are permanent failures: recorded at once with the reason, and the flow goes on. The activity is
 * inserted in the job's transaction and keyed by the execution, so a failed attempt leaves nothing behind and a
 * re-run of an execution that already created its activity does not create a second one. A database error is not
 * caught: the engine retries the job, and the generic projection records the attempts.
 */
@Service
public class ActivityActionService {

    private static final Logger log = LoggerFactory.getLogger(ActivityActionService.class);
    /** Due dates are the platform company's calendar days. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    /** Ten years: anything longer is a typo, not a plan. */
    static final int MAX_DUE_IN_DAYS = 3650;

    private final OpportunityService opportunities;
    private final UserService users;
    private final ActivitySubjects subjects;
    private final ActivityRepository activities;
    private final ActivityHistoryWriter history;

    ActivityActionService(OpportunityService opportunities, UserService users, ActivitySubjects subjects,
                          ActivityRepository activities, ActivityHistoryWriter history) {
        this.opportunities = opportunities;
        this.users = users;
        this.subjects = subjects;
        this.activities = activities;
        this.history = history;
    }

    /** Runs one attempt; returns normally when the execution is over, whether it created the activity or failed. */
    @Transactional
    public void create(ActionAttempt attempt, ActivityRequest request) {
        try {
            NewActivity activity = resolve(attempt, request);
            long id = activities.insertOnce(attempt.executionKey(), activity);
            history.recordCreated(attempt.executionKey(), attempt.attemptNumber(), activity, id);
        } catch (ActionFailure failure) {
            log.warn("Activity {} failed at attempt {}: {}", attempt.executionKey(), attempt.attemptNumber(),
                    failure.getMessage());
            history.recordFailed(attempt.executionKey(), attempt.attemptNumber(), request, failure.getMessage());
        }
    }

    private NewActivity resolve(ActionAttempt attempt, ActivityRequest request) {
        ActivityType type = ActivityType.parse(request.activityType())
                .orElseThrow(() -> ActionFailure.permanent("Unknown activity type '" + request.activityType()
                        + "' (expected one of " + List.of(ActivityType.values()) + ")"));
        AssigneeRole role = AssigneeRole.parse(request.assigneeRole())
                .orElseThrow(() -> ActionFailure.permanent("Unknown assignee role '" + request.assigneeRole()
                        + "' (expected one of " + List.of(AssigneeRole.values()) + ")"));
        int dueInDays = dueInDays(request.dueInDays());
        if (request.subject() == null || request.subject().isBlank()) {
            throw ActionFailure.permanent("The activity has no subject");
        }
        Opportunity opportunity = opportunities.find(PartnerScope.everything(), attempt.opportunityId())
                .orElseThrow(() -> ActionFailure.permanent("Opportunity " + attempt.opportunityId()
                        + " no longer exists"));
        String subject = subjects.render(request.subject(), opportunity, attempt.action());
        Instant now = Instant.now();
        LocalDate dueDate = now.atZone(ZONE).toLocalDate().plusDays(dueInDays);
        return switch (role) {
            case INSTALLER -> new NewActivity(opportunity.id(), type, subject, dueDate, role, null,
                    required(opportunity.installerId(), "No installer is assigned to the opportunity"), now);
            case SELLER -> new NewActivity(opportunity.id(), type, subject, dueDate, role, null,
                    required(opportunity.sellerId(), "No seller is assigned to the opportunity"), now);
            case INTERNAL_USER -> new NewActivity(opportunity.id(), type, subject, dueDate, role,
                    ownerId(opportunity), null, now);
        };
    }

    private static int dueInDays(String value) {
        if (!isValidDueInDays(value)) {
            throw ActionFailure.permanent("Invalid dueInDays '" + value + "': expected a whole number of days from 0 to "
                    + MAX_DUE_IN_DAYS);
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
            throw ActionFailure.permanent("No internal user is assigned to the opportunity");
        }
        return users.findByUsername(opportunity.ownerUsername())
                .orElseThrow(() -> ActionFailure.permanent("User " + opportunity.ownerUsername() + " no longer exists"))
                .id();
    }

    private static long required(Long companyId, String reasonWhenMissing) {
        if (companyId == null) {
            throw ActionFailure.permanent(reasonWhenMissing);
        }
        return companyId;
    }
}
