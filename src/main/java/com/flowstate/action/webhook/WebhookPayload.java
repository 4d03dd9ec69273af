package com.flowstate.action.webhook;

import java.time.Instant;

import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.Trigger;
import com.flowstate.opportunity.Opportunity;

/**
 * The JSON body of a webhook call: which event, on which opportunity, in which substate. {@code executionKey} equals
 * the {@code Idempotency-Key} header and stays the same on every retry of one execution.
 */
record WebhookPayload(
        String event,
        String executionKey,
        int attempt,
        Instant sentAt,
        String trigger,
        SubstateRef substate,
        OpportunityRef opportunity,
        String activityId) {

    record SubstateRef(String key, String name) {
    }

    record OpportunityRef(long id, String name, String customerName, String customerEmail, String city,
                          String postalCode, String province, String installer, String seller, String owner) {
    }

    static WebhookPayload of(String event, ActionAttempt attempt, Opportunity opportunity, Instant sentAt) {
        ActionDefinition action = attempt.action();
        return new WebhookPayload(event, attempt.executionKey(), attempt.attemptNumber(), sentAt,
                action.trigger().name(),
                action.substateKey() == null ? null : new SubstateRef(action.substateKey(), action.substateName()),
                new OpportunityRef(opportunity.id(), opportunity.name(), opportunity.customerName(),
                        opportunity.customerEmail(), opportunity.city(), opportunity.postalCode(),
                        opportunity.province(), opportunity.installerName(), opportunity.sellerName(),
                        opportunity.ownerUsername()),
                action.activityId());
    }

    /** The event name when the designer gave none: what happened to the substate. */
    static String defaultEvent(Trigger trigger) {
        return switch (trigger) {
            case OPEN -> "substate.opened";
            case CLOSE -> "substate.closed";
            case SCHEDULED -> "substate.scheduled";
            case PROCESS -> "flow.action";
        };
    }
}
