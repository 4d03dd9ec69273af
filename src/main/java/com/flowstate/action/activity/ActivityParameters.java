package com.flowstate.action.activity;

/**
 * The input parameters of a Create activity task: raw text, checked by {@link ActivityActionService} so that a bad
 * value fails the execution with a reason.
 *
 * @param activityType CALL, VISIT, TECHNICAL_SURVEY, DOCUMENT_REQUEST or FOLLOW_UP (any case)
 * @param subject      Mustache like the e-mail templates, e.g. {@code Chiamare {{customer.name}}}
 * @param dueInDays    the activity is due this many days after the action runs (0 = the same day)
 * @param assigneeRole INTERNAL_USER, INSTALLER or SELLER (any case)
 */
public record ActivityParameters(String activityType, String subject, String dueInDays, String assigneeRole) {
}
