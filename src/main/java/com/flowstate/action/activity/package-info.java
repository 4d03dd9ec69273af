/**
 * Create activity and the activities it creates. The action {@code createActivityAction} ({@link
 * com.flowstate.action.activity.CreateActivityAction}: parameters, deploy-time checks) lets {@code
 * ActivityActionService} insert one activity per action execution (type, subject, due in N days, assignee role); a
 * bad parameter or a role nobody holds on the opportunity fails the execution with its reason, and the flow goes on.
 * Activities are real work: {@code ActivityService} lists a user's own (a partner's: their company's) and marks them
 * completed ({@code /api/activities}). The Activities tab's query and REST endpoint ({@code GET
 * /api/history/activities}) read completion from the activity, not from a copy, so the tab follows it live.
 */
@NamedInterface("activity")
package com.flowstate.action.activity;

import org.springframework.modulith.NamedInterface;
