package com.flowstate.action.assignment;

import java.time.Instant;

/** An offer waiting for a partner company's accept or reject, as its to-do inbox lists it. */
public record PendingOffer(long assignmentId, long opportunityId, String opportunityName, PartnerRole role,
                           Instant assignedAt) {
}
