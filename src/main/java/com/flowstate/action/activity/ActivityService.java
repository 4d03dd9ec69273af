package com.flowstate.action.activity;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.security.FlowstateUser;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.Role;

/**
 * The activities people work on: their own list, and marking one completed. Who may see and complete what is
 * decided here, so the view and the REST API cannot differ on it.
 */
@Service
public class ActivityService {

    public static final int MAX_PAGE_SIZE = 200;

    private final ActivityRepository activities;

    ActivityService(ActivityRepository activities) {
        this.activities = activities;
    }

    /**
     * The user's to-do list, soonest due first. A partner user gets what is assigned to their company (any of its
     * users may do it, so the work does not wait for one person); an internal user what is assigned to them or, as
     * internal owner, to the opportunities they own now. Users with neither role have no activities.
     *
     * @param includeCompleted false lists only the open ones, which is what a to-do list is for
     * @param cursor           the previous page's {@link ActivityPage#nextCursor()}, or null for the first page
     */
    @Transactional(readOnly = true)
    public ActivityPage myActivities(FlowstateUser user, boolean includeCompleted, String cursor, int size) {
        int limit = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        ActivityCursor after = cursor == null || cursor.isBlank() ? null : ActivityCursor.decode(cursor);
        PartnerScope scope = user.scope();
        List<Activity> rows;
        if (scope.isRestricted()) {
            rows = activities.ofCompany(scope.companyId().getAsLong(), includeCompleted, after, limit + 1);
        } else if (isPlatformStaff(user)) {
            rows = activities.ofInternalUser(user.userId(), includeCompleted, after, limit + 1);
        } else {
            rows = List.of();
        }
        if (rows.size() <= limit) {
            return new ActivityPage(rows, null);
        }
        Activity last = rows.get(limit - 1);
        return new ActivityPage(rows.subList(0, limit), new ActivityCursor(last.dueDate(), last.id()).encode());
    }

    /**
     * Marks an activity completed; the Activities history tab shows it at once, since it reads completion from the
     * activity itself. Admins and internal users may complete any activity (they cover for each other and for
     * partners); a partner user only those assigned to their company. Completing it again changes nothing.
     *
     * @throws ActivityNotFoundException when it does not exist or is on an opportunity outside the partner's scope
     * @throws AccessDeniedException     when the user may see it but it is not theirs to complete
     */
    @Transactional
    public Activity complete(FlowstateUser user, long activityId) {
        var ownership = activities.ownership(activityId).orElseThrow(() -> new ActivityNotFoundException(activityId));
        if (!isPlatformStaff(user)) {
            PartnerScope scope = user.scope();
            if (!scope.isRestricted()) {
                throw new AccessDeniedException("Only the assignee or platform staff may complete an activity");
            }
            long companyId = scope.companyId().getAsLong();
            if (!ownership.visibleTo(companyId)) {
                throw new ActivityNotFoundException(activityId);
            }
            if (!ownership.assignedTo(companyId)) {
                throw new AccessDeniedException("Activity " + activityId + " is assigned to someone else");
            }
        }
        activities.markCompleted(activityId, user.userId());
        return activities.find(activityId).orElseThrow();
    }

    /**
     * The open activities of one opportunity the user may complete: a partner's company's own, or any for platform
     * staff; none for other users. The caller has checked that the user may see the opportunity.
     */
    @Transactional(readOnly = true)
    public List<Activity> openOn(FlowstateUser user, long opportunityId) {
        if (isPlatformStaff(user)) {
            return activities.openOn(opportunityId, null, MAX_PAGE_SIZE);
        }
        PartnerScope scope = user.scope();
        return scope.isRestricted()
                ? activities.openOn(opportunityId, scope.companyId().getAsLong(), MAX_PAGE_SIZE) : List.of();
    }

    private static boolean isPlatformStaff(FlowstateUser user) {
        return user.hasRole(Role.ADMIN) || user.hasRole(Role.INTERNAL);
    }
}
