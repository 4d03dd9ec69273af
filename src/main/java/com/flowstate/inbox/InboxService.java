package com.flowstate.inbox;

import java.util.List;

import org.springframework.stereotype.Service;

import com.flowstate.action.activity.Activity;
import com.flowstate.action.activity.ActivityService;
import com.flowstate.action.assignment.AssignmentService;
import com.flowstate.action.assignment.PendingOffer;
import com.flowstate.security.FlowstateUser;

/**
 * A user's to-do inbox: the offers waiting for their company's answer and the open activities that are theirs (their
 * company's, for a partner). Both lists come from the features' own services, so their scope rules hold here too.
 * The inbox shows at most {@link #LIMIT} of each; the badge counts up to that and says "more" beyond.
 */
@Service
public class InboxService {

    public static final int LIMIT = 100;

    private final AssignmentService assignments;
    private final ActivityService activities;

    InboxService(AssignmentService assignments, ActivityService activities) {
        this.assignments = assignments;
        this.activities = activities;
    }

    public List<PendingOffer> offers(FlowstateUser user) {
        return assignments.pendingOffers(user, LIMIT);
    }

    public List<Activity> activities(FlowstateUser user) {
        return activities.myActivities(user, false, null, LIMIT).items();
    }

    /** How many things wait for the user, each list counted up to {@link #LIMIT}. */
    public InboxCount count(FlowstateUser user) {
        return new InboxCount(offers(user).size(), activities(user).size());
    }

    public record InboxCount(int offers, int activities) {

        public int total() {
            return offers + activities;
        }

        public boolean capped() {
            return offers >= LIMIT || activities >= LIMIT;
        }
    }
}
