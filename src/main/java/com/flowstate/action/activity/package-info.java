/**
 * The Create activity action and the activities it creates. The delegate {@code createActivityAction} reads the
 * service task's parameters (type, subject, due in N days, assignee role) and {@code ActivityActionService} inserts
 * one activity per action execution, recording the outcome on the Activities history tab; a bad parameter or a role
 * nobody holds on the opportunity fails the execution with its reason, and the flow goes on. Activities are real
 * work: {@code ActivityService} lists a user's own (a partner's: their company's) and marks them completed, which the
 * history tab shows live because it reads completion from the activity, not from a copy.
 */
package com.flowstate.action.activity;
