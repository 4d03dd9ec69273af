package com.flowstate.action.activity;

/**
 * The parameters of one Create activity execution, as the service task's input parameters give them: raw text,
 * checked by {@link ActivityActionService} so that a bad value fails the execution with a reason.
 *
 * @param subject   Mustache, e.g. {@code Chiamare {{customer.name}}}
 * @param dueInDays whole days from the day the action runs, 0 or more
 */
public record ActivityRequest(String activityType, String subject, String dueInDays, String assigneeRole) {
}
